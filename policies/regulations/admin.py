"""Admin UI for regulations: the "导入Word制度" upload view (preview the detected structure, fix the
metadata, create a draft through the same code path as ``import_regulation``)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from core import clock

from .models import RegulationCategory, RegulationIndexPage, RegulationPage
from .newversion import add_version_from_current, draft_of, source_version
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
                    request.session.pop(SESSION_KEY + "_version_of", None)
                    messages.success(request, f"已导入《{page.title}》为草稿，请检查后提交审核。")
                    return redirect("wagtailadmin_pages:edit", page.pk)
    elif request.method == "POST" and request.POST.get("step") == "reset":
        request.session.pop(SESSION_KEY, None)
        return redirect("policies_regulation_import")

    if request.method == "GET" and request.GET.get("version_of", "").isdigit():
        # "从Word导入新版本" on a regulation: the upload becomes a version of it.
        request.session[SESSION_KEY + "_version_of"] = int(request.GET["version_of"])
    if parsed is not None and details_form is None:
        details_form = DetailsForm(initial={
            "version_of": request.session.get(SESSION_KEY + "_version_of"),
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


class NewVersionForm(forms.Form):
    label = forms.CharField(label="新版本名称", max_length=60, error_messages={"required": "请填写新版本的名称。"})
    effective_from = forms.DateField(label="生效日期", widget=forms.DateInput(attrs={"type": "date"}),
                                     error_messages={"required": "请填写生效日期。", "invalid": "生效日期格式不对。"})
    doc_number = forms.CharField(label="文号", max_length=80, required=False)
    change_note = forms.CharField(label="修订说明", required=False, widget=forms.Textarea(attrs={"rows": 3}))


def new_version_view(request, pk):
    """新建版本（复制现行文本）: the new version starts as a copy of the text in force."""
    page = get_object_or_404(RegulationPage, pk=pk)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    source = source_version(draft_of(page))
    next_year = clock.today().year + 1
    form = NewVersionForm(request.POST or None, initial={
        "label": f"{next_year}年修订版", "effective_from": f"{next_year}-01-01"})
    error = ""
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            _draft, version, copied = add_version_from_current(
                page, label=data["label"], effective_from=data["effective_from"], doc_number=data["doc_number"],
                change_note=data["change_note"], user=request.user)
        except ParseError as exc:
            error = str(exc)
        else:
            messages.success(request, f"已新建版本“{version.label}”，正文复制自“{copied.label}”：请只修改有变化的条文，"
                                      "再填写修订说明并提交审核。")
            return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(request, "policies/regulation_new_version.html", {
        "page": page, "source": source, "form": form, "error": error,
        "import_url": reverse("policies_regulation_import") + f"?version_of={page.pk}"},
        status=400 if error or form.errors else 200)


@hooks.register("register_admin_urls")
def register_new_version_url():
    return [path("regulations/<int:pk>/new-version/", new_version_view, name="policies_regulation_new_version")]


@hooks.register("register_page_header_buttons")
def new_version_button(page, user, view_name=None, next_url=None):
    if isinstance(page.specific_deferred, RegulationPage) and page.permissions_for_user(user).can_edit():
        yield Button("新建版本（复制现行文本）", reverse("policies_regulation_new_version", args=[page.pk]),
                     icon_name="copy", priority=12)
