from . import test_intl_trip
from . import test_intl_trip_money
