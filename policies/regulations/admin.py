"""Admin UI for regulations: the "导入Word制度" upload view (preview the detected structure, fix the
metadata, create a draft through the same code path as ``import_regulation``)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core import clock

from .models import RegulationCategory, RegulationIndexPage, RegulationPage
from .parser.docx import parse_docx
from .parser.importer import create_from_parsed
from .parser.text import ParsedDocument, ParseError

SESSION_KEY = "policies_regulation_import"


def _index():
    return RegulationIndexPage.objects.first()


def _can_import(user):
    index = _index()
    return bool(index and user.is_authenticated and index.permissions_for_user(user).can_add_subpage())


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Word 文件（.docx）", error_messages={"required": "请选择要上传的 Word 文件。"},
        # The picker offers only Word files; the server still checks the content (ParseError).
        widget=forms.ClearableFileInput(attrs={
            "accept": ".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"}))


class DetailsForm(forms.Form):
    title = forms.CharField(label="标题", max_length=255, error_messages={"required": "请填写制度标题。"})
    doc_number = forms.CharField(label="文号", max_length=80, required=False)
    issuer = forms.CharField(label="发文机关", max_length=80, required=False)
    effective_from = forms.DateField(label="生效日期", widget=forms.DateInput(attrs={"type": "date"}),
                                     error_messages={"required": "请填写生效日期。", "invalid": "生效日期格式不对。"})
    category = forms.ModelChoiceField(label="类别", queryset=None, required=False, empty_label="（不分类）")
    version_of = forms.ModelChoiceField(label="作为以下制度的新版本", queryset=None, required=False,
                                        empty_label="（新建一部制度）")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = RegulationCategory.objects.all()
        self.fields["version_of"].queryset = RegulationPage.objects.order_by("title")


def import_view(request):
    if not _can_import(request.user):
        raise PermissionDenied
    stored = request.session.get(SESSION_KEY)
    parsed = None
    if stored:
        parsed = ParsedDocument(title=stored["title"], doc_number=stored["doc_number"], issuer=stored["issuer"],
                                stream=stored["stream"])
    upload_form, details_form, error = UploadForm(), None, ""

    if request.method == "POST" and request.POST.get("step") == "upload":
        upload_form = UploadForm(request.POST, request.FILES)
        if upload_form.is_valid():
            try:
                parsed = parse_docx(upload_form.cleaned_data["file"])
            except ParseError as exc:
                error, parsed = str(exc), None
                request.session.pop(SESSION_KEY, None)
            else:
                request.session[SESSION_KEY] = {
                    "title": parsed.title, "doc_number": parsed.doc_number, "issuer": parsed.issuer,
                    "effective_from": parsed.effective_from.isoformat() if parsed.effective_from else "",
                    "stream": parsed.stream, "filename": upload_form.cleaned_data["file"].name}
                stored = request.session[SESSION_KEY]
    elif request.method == "POST" and request.POST.get("step") == "create":
        if parsed is None:
            error = "请先上传 Word 文件。"
        else:
            details_form = DetailsForm(request.POST)
            if details_form.is_valid():
                data = details_form.cleaned_data
                try:
                    page, _version = create_from_parsed(
                        parsed, title=data["title"], number=data["doc_number"], issuer=data["issuer"],
                        effective=data["effective_from"], category=data["category"],
                        version_of=data["version_of"], user=request.user)
                except ParseError as exc:
                    error = str(exc)
                else:
                    request.session.pop(SESSION_KEY, None)
                    messages.success(request, f"已导入《{page.title}》为草稿，请检查后提交审核。")
                    return redirect("wagtailadmin_pages:edit", page.pk)
    elif request.method == "POST" and request.POST.get("step") == "reset":
        request.session.pop(SESSION_KEY, None)
        return redirect("policies_regulation_import")

    if parsed is not None and details_form is None:
        details_form = DetailsForm(initial={
            "title": parsed.title, "doc_number": parsed.doc_number,
            "issuer": parsed.issuer or "中共习水县委组织部",
            "effective_from": (stored or {}).get("effective_from") or clock.today().isoformat()})
    context = {"upload_form": upload_form, "details_form": details_form, "error": error,
               "outline": parsed.outline() if parsed else [], "articles": len(parsed.articles()) if parsed else 0,
               "filename": (stored or {}).get("filename", "")}
    return TemplateResponse(request, "policies/regulation_import.html", context, status=400 if error else 200)


@hooks.register("register_admin_urls")
def register_import_url():
    return [path("regulations/import/", import_view, name="policies_regulation_import")]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return _can_import(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem("导入Word制度", reverse("policies_regulation_import"), name="import-regulation",
                          icon_name="upload", order=250)
