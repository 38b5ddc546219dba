"""The package's admin menu: one top-level entry ("Civic hub") holding every feature's screens.

A feature registers a menu item in it with ``@hooks.register(MENU_HOOK)`` (a function
returning a ``MenuItem``), or by setting ``menu_hook = MENU_HOOK`` on a viewset or viewset
group. Sites reorder or remove items with the ``construct_civic_wagtail_menu`` hook.
"""

#: The hook name of the menu's items.
MENU_HOOK = "register_civic_wagtail_menu_item"
