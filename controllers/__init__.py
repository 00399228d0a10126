from . import intl_approval_link
from . import portal
