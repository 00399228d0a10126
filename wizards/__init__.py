from . import intl_approval_reject
