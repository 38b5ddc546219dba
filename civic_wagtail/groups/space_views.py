"""Views of a group's private space: threads, files, events and the pilot log. Every view
first checks :func:`.access.check_space` (404 for a secret group, 403 for others)."""

from django.contrib import messages
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model

from civic_wagtail import ratelimit

from . import access, drafting, space
from .forms import EventForm, ExperimentForm, FileForm, HypothesisForm, ThreadForm
from .models import Activity, Experiment, GroupFile
from .views import RATE, _render, get_group, urls


def _write_allowed(request):
    if request.method != "POST":
        return None
    limited = ratelimit.hit(request, RATE)
    if limited:
        return ratelimit.rate_limited(request, limited)
    return None


def thread_list(request, page, slug):
    group = get_group(slug)
    access.check_space(request.user, group)
    threads = list(space.threads(group, request)[:200])
    for thread in threads:
        thread.url = thread.get_url(request)
    return _render(
        request,
        page,
        "threads.html",
        {
            "group": group,
            "threads": threads,
            "form": ThreadForm(),
            "urls": urls(page, request, group),
            "can_post": space.has_threads(),
        },
    )


def new_thread(request, page, slug):
    group = get_group(slug)
    access.check_space(request.user, group)
    if not space.has_threads():
        raise Http404(_("Discussions are not installed on this site."))
    limited = _write_allowed(request)
    if limited:
        return limited
    form = ThreadForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            thread = space.start_thread(
                group,
                request.user,
                form.cleaned_data["title"],
                form.cleaned_data["body"],
                request,
            )
            if thread is not None:
                Activity.objects.create(
                    group=group,
                    actor=request.user,
                    verb=Activity.Verb.THREAD,
                    subject=thread.title[:255],
                )
        if thread is None:
            messages.error(request, _("This site has no forum yet: ask an editor to add one."))
            return redirect(urls(page, request, group)["group"])
        messages.success(request, _("Your thread is started: only the group can read it."))
        return redirect(thread.get_url(request))
    return _render(
        request,
        page,
        "threads.html",
        {
            "group": group,
            "threads": [],
            "form": form,
            "urls": urls(page, request, group),
            "can_post": True,
        },
        status=400 if form.errors else 200,
    )


def file_list(request, page, slug):
    """The group's files; members upload here (into the group's Wagtail collection)."""
    group = get_group(slug)
    access.check_space(request.user, group)
    limited = _write_allowed(request)
    if limited:
        return limited
    form = FileForm()
    if request.method == "POST":
        form = FileForm(request.POST, request.FILES)
        if form.is_valid():
            with transaction.atomic():
                collection = space.ensure_collection(group)
                document = get_document_model()(
                    title=form.cleaned_data["title"],
                    file=form.cleaned_data["file"],
                    collection=collection,
                    uploaded_by_user=request.user,
                )
                document.save()
                GroupFile.objects.create(group=group, document=document, uploaded_by=request.user)
                Activity.objects.create(
                    group=group,
                    actor=request.user,
                    verb=Activity.Verb.FILE,
                    subject=document.title[:255],
                )
            messages.success(request, _("The file is shared with the group."))
            return redirect(urls(page, request, group)["group"] + "files/")
    return _render(
        request,
        page,
        "files.html",
        {
            "group": group,
            "files": list(space.files(group)[:500]),
            "form": form,
            "urls": urls(page, request, group),
        },
        status=400 if form.errors else 200,
    )


def file_download(request, page, slug, pk):
    """A group file, for members only (Wagtail's own document URL refuses it to others:
    see ``before_serve_document`` in :mod:`.wagtail_hooks`)."""
    group = get_group(slug)
    access.check_space(request.user, group)
    shared = GroupFile.objects.filter(group=group, pk=pk).select_related("document").first()
    if shared is None:
        raise Http404(_("No such file."))
    document = shared.document
    try:
        handle = document.file.open("rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404(_("This file is missing.")) from error
    response = FileResponse(handle, as_attachment=True, filename=document.filename)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def event_list(request, page, slug):
    """The group's events (members add them); they reach the members' personal calendar
    feeds, never the public ones."""
    group = get_group(slug)
    access.check_space(request.user, group)
    limited = _write_allowed(request)
    if limited:
        return limited
    form = EventForm()
    if request.method == "POST":
        form = EventForm(request.POST)
        if form.is_valid():
            with transaction.atomic():
                event = form.save(commit=False)
                event.group = group
                event.created_by = request.user
                event.save()
                Activity.objects.create(
                    group=group,
                    actor=request.user,
                    verb=Activity.Verb.EVENT,
                    subject=event.title[:255],
                )
            messages.success(request, _("The event is in the members' calendars."))
            return redirect(urls(page, request, group)["group"] + "events/")
    return _render(
        request,
        page,
        "events.html",
        {
            "group": group,
            "events": list(group.events.all()[:500]),
            "form": form,
            "urls": urls(page, request, group),
        },
        status=400 if form.errors else 200,
    )


def pilot_log(request, page, slug):
    """The pilot log: the hypothesis (leads write it) and the experiments (members log them)."""
    group = get_group(slug)
    access.check_space(request.user, group)
    lead = access.can_lead(request.user, group)
    limited = _write_allowed(request)
    if limited:
        return limited
    form = ExperimentForm(initial={"result": Experiment.Result.PENDING})
    hypothesis_form = HypothesisForm(instance=group)
    if request.method == "POST":
        if request.POST.get("part") == "hypothesis":
            access.check_lead(request.user, group)
            hypothesis_form = HypothesisForm(request.POST, instance=group)
            if hypothesis_form.is_valid():
                hypothesis_form.save()
                messages.success(request, _("The hypothesis is saved."))
                return redirect(urls(page, request, group)["group"] + "pilot/")
        else:
            form = ExperimentForm(request.POST)
            if form.is_valid():
                with transaction.atomic():
                    experiment = form.save(commit=False)
                    experiment.group = group
                    experiment.author = request.user
                    experiment.save()
                    Activity.objects.create(
                        group=group,
                        actor=request.user,
                        verb=Activity.Verb.EXPERIMENT,
                        subject=experiment.what[:255],
                    )
                messages.success(request, _("The experiment is in the pilot log."))
                return redirect(urls(page, request, group)["group"] + "pilot/")
    errors = form.errors or hypothesis_form.errors
    return _render(
        request,
        page,
        "pilot.html",
        {
            "group": group,
            "experiments": list(group.experiments.select_related("author__civic_profile")),
            "form": form,
            "hypothesis_form": hypothesis_form,
            "is_lead": lead,
            "can_draft": lead and drafting.is_available() and not group.draft_page_id,
            "urls": urls(page, request, group),
        },
        status=400 if errors else 200,
    )


def draft_case_study(request, page, slug):
    """The leads' one action: draft a case study (or practice) from the pilot log and send it
    into peer review, every contributor credited."""
    if request.method != "POST":
        from django.http import HttpResponseNotAllowed

        return HttpResponseNotAllowed(["POST"])
    group = get_group(slug)
    access.check_lead(request.user, group)
    limited = _write_allowed(request)
    if limited:
        return limited
    kind = request.POST.get("kind", "case_study")
    try:
        drafted = drafting.draft_from_log(group, request.user, request, kind=kind)
    except drafting.DraftRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(urls(page, request, group)["group"] + "pilot/")
    messages.success(
        request,
        _("The case study “%(title)s” is drafted and waits for peer review.")
        % {"title": drafted.title},
    )
    return redirect(urls(page, request, group)["group"] + "pilot/")
