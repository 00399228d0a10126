from . import intl_approval_link
