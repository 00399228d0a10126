from . import test_intl_delegation
from . import test_intl_delegation_access
from . import test_intl_delegation_reports
from . import test_intl_delegation_tour
