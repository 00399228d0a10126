from . import controllers
from . import models
from . import report
from . import tools
from . import wizards
from .hooks import post_init_hook
