"""Wagtail's login form with a translatable label on the password field.

Wagtail declares the field without a label, so Django derives "Password" from the field name and
no catalogue can translate it: the login page said "Password" above the 密码 box."""

from django.utils.translation import gettext_lazy
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = gettext_lazy("Password")
