from . import test_agreement
from . import test_approval_engine
from . import test_agreement_tour
from . import test_agreement_reports
