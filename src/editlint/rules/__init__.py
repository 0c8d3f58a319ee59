"""Built-in Python rules. Each module is a plugin implementing ``editlint_rules``.

The modules are listed in :data:`editlint.plugins.BUILTIN_PLUGINS` and
registered exactly like third-party plugins.
"""
