"""Rendered page fragments kept in memory, per app, under keys that change when their data does."""

from collections import OrderedDict
from collections.abc import Callable, Hashable

from flask import current_app
from markupsafe import Markup


class FragmentCache:
    """A bounded least-recently-used map from key to rendered HTML."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._entries: OrderedDict[Hashable, Markup] = OrderedDict()

    def get_or_render(self, key: Hashable, render: Callable[[], str]) -> Markup:
        """The fragment stored under key, rendering (and storing) it first if missing."""
        found = self._entries.get(key)
        if found is not None:
            self._entries.move_to_end(key)
            return found
        found = Markup(render())
        if self.size > 0:
            self._entries[key] = found
            if len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return found

    def __len__(self) -> int:
        return len(self._entries)


def fragment_cache(name: str) -> FragmentCache:
    """The app's cache of that name, sized by the config key ``<NAME>_CACHE_SIZE`` (0 turns it off)."""
    caches = current_app.extensions.setdefault("fragment_caches", {})
    cache = caches.get(name)
    if cache is None:
        cache = caches[name] = FragmentCache(current_app.config.get(f"{name.upper()}_CACHE_SIZE", 0))
    return cache
