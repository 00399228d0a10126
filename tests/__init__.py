from . import test_intl_trip
from . import test_intl_trip_money
from . import test_intl_trip_return
from . import test_intl_trip_access
from . import test_intl_trip_reports
from . import test_intl_trip_tour
