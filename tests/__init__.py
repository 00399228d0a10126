from . import test_partner_institution
from . import test_institute
from . import test_document_checklist
from . import test_access_foundation
from . import test_language
from . import test_amount_words
from . import test_install
from . import test_partner_institution_tour
