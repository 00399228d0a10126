from . import intl_approval_reject
from . import intl_agreement_terminate
from . import intl_agreement_print
from . import intl_delegation_print
from . import intl_delegation_cancel
