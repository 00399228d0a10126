from . import intl_annual_report_xlsx
from . import intl_institute_indicator_xlsx
from . import intl_annual_report_review
