from . import test_intl_trip
