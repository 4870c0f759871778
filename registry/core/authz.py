"""Route authorization: every view declares its policy with @require.

A policy is a predicate ``policy(user, **resources) -> bool`` living in a domain's
``policies.py``. An optional loader turns URL arguments into resources (404 when absent)
before the policy sees them, so each view runs load → authorize → its own work.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import abort, redirect, request, url_for
from flask_login import current_user

Policy = Callable[..., bool]
Loader = Callable[..., dict[str, Any]]


def require(policy: Policy, load: Loader | None = None, hide: bool = False) -> Callable:
    """Declare and enforce who may use a view; anonymous visitors are sent to log in.

    With ``hide`` a refusal is answered 404, so that the existence of a private
    resource is not revealed.
    """

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(**kwargs: Any) -> Any:
            if not getattr(policy, "open_to_anonymous", False) and not current_user.is_authenticated:
                return redirect(url_for("accounts.login", next=request.full_path.rstrip("?")))
            resources = load(**kwargs) if load is not None else kwargs
            if not policy(current_user, **resources):
                if hide:
                    abort(404)
                if not current_user.is_authenticated:
                    return redirect(url_for("accounts.login", next=request.full_path.rstrip("?")))
                abort(403)
            return view(**resources)

        wrapped.policy = policy  # read by the route-coverage test and templates
        return wrapped

    return decorator


def open_to_anonymous(policy: Policy) -> Policy:
    """Mark a policy that may grant access without login (checked by the policy itself)."""
    policy.open_to_anonymous = True
    return policy


@open_to_anonymous
def anyone(user: Any, **_: Any) -> bool:
    """Public: every visitor, logged in or not."""
    return True


@open_to_anonymous
def anonymous_only(user: Any, **_: Any) -> bool:
    """Pages for visitors not logged in (registration, password reset request)."""
    return True


def authenticated(user: Any, **_: Any) -> bool:
    """Any logged-in, active user."""
    return bool(user.is_authenticated and user.is_active)


def loads(model: type, name: str) -> Loader:
    """A loader for @require: the row whose id is in ``<name>_id``, passed to the view as ``name``; 404 if absent."""
    from registry.extensions import db

    argument = f"{name}_id"

    def load(**kwargs: Any) -> dict[str, Any]:
        resource = db.session.get(model, kwargs.pop(argument))
        if resource is None:
            abort(404)
        return {name: resource, **kwargs}

    return load
