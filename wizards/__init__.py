from . import intl_approval_reject
from . import intl_trip_override
from . import intl_trip_return
from . import intl_trip_payment_wizard
from . import intl_trip_print
