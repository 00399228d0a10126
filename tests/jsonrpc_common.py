from contextlib import contextmanager

from odoo.tests.common import JsonRpcException


class JsonRpcRefusalMixin:
    """Refusals over JSON-RPC name their exception: a crash does not pass as a refusal."""

    @contextmanager
    def assertRpcRefused(self, exception_class):
        """The call inside refuses with exactly ``exception_class`` (the error's data.name)."""
        with self.assertRaises(JsonRpcException) as caught:
            yield caught
        name = f"{exception_class.__module__}.{exception_class.__name__}"
        self.assertEqual(caught.exception.args[0], name, f"refused with {caught.exception.args[0]}, not {name}")
