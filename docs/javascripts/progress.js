/* The reader's progress across the course, from the answers quiz.js saves in this browser.
 *
 * - The course's lessons, questions, versions, titles and tracks come from the manifest the
 *   build publishes beside this script (course.json, coursetools/progress.py): nothing about
 *   the course is written here. An answer counts only if its key names a question at the
 *   version the manifest lists, so an answer to an older version counts as unanswered.
 * - Home page: each lesson's .course-lesson-status says where the reader stands.
 * - Nav: a lesson whose questions are all answered gets a check mark, named "completed" for
 *   screen readers; a reader with no saved answers sees no mark at all.
 * - [data-course-progress] (the "Your progress" page): answered and right per track and lesson,
 *   export to a JSON file, import of such a file (merging: the newer answer to a question wins),
 *   and reset all after one confirmation.
 * - Storage that is blocked, full or holds unreadable data leaves every page readable, with a
 *   short note. Imported files are checked whole before anything is written; stored and
 *   imported data is only ever shown as text.
 * - Material's instant navigation keeps this script's state across pages, so everything is
 *   refreshed from document$ (or DOMContentLoaded without Material), after each quiz change,
 *   and when another tab changes the storage.
 */
(function () {
  "use strict";

  var store = window.courseStore;
  if (!store) return;

  var FORMAT = "slm-course-progress"; // the "format" of an exported file
  var FORMAT_VERSION = 1;
  var MAX_BYTES = 1024 * 1024;
  var SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  var ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
  var ENTRY_FIELDS = ["lesson", "question", "version", "answer", "time"];
  var FILE_FIELDS = ["format", "version", "namespace", "exported", "answers"];

  var script = document.currentScript;
  var MANIFEST_URL = new URL("course.json", (script && script.src) || window.location.href).href;
  var loading = null;

  // ------------------------------------------------------------ the course, from the manifest

  function loadCourse() {
    // The pages that show progress carry the manifest inline (coursetools/plugin.py): read it
    // there, so the view is laid out at once and nothing below it moves when it fills in.
    var inline = document.querySelector("[data-course-manifest]");
    if (inline) {
      try {
        return Promise.resolve(toCourse(JSON.parse(inline.getAttribute("data-course-manifest"))));
      } catch (error) {
        // Fall back to the published copy.
      }
    }
    if (!loading) {
      loading = window
        .fetch(MANIFEST_URL, { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error("course manifest: HTTP " + response.status);
          return response.json();
        })
        .then(toCourse);
      loading.catch(function () { loading = null; }); // try again on the next page
    }
    return loading;
  }

  function toCourse(data) {
    if (!data || typeof data.namespace !== "string" || !Array.isArray(data.tracks)) {
      throw new Error("course manifest: unexpected shape");
    }
    var course = { namespace: data.namespace, tracks: [], lessons: [], bySlug: Object.create(null) };
    data.tracks.forEach(function (track) {
      var entry = { number: track.number, name: String(track.name || ""), lessons: [] };
      track.lessons.forEach(function (raw) {
        var quizKey = store.quizKey(data.namespace, raw.slug);
        var lesson = {
          slug: raw.slug,
          number: String(raw.number),
          title: String(raw.title),
          url: new URL(raw.url, MANIFEST_URL).href,
          questions: raw.questions.map(function (q) {
            return {
              id: q.id,
              version: q.version,
              options: q.options,
              multi: q.multi === true,
              correct: q.correct,
              key: store.key(quizKey, q.id, q.version)
            };
          })
        };
        entry.lessons.push(lesson);
        course.lessons.push(lesson);
        course.bySlug[lesson.slug] = lesson;
      });
      course.tracks.push(entry);
    });
    return course;
  }

  /* Everything the reader has saved that counts, per lesson and in total. */
  function readProgress(course, storage) {
    var progress = { lessons: {}, saved: [], answered: 0, right: 0, total: 0, completed: 0, unreadable: false };
    course.lessons.forEach(function (lesson) {
      var standing = { answered: 0, right: 0, total: lesson.questions.length, done: false };
      lesson.questions.forEach(function (question) {
        var raw = storage.get(question.key);
        if (raw === null) return;
        var saved = store.read(raw, question.options, question.multi);
        if (saved === null) {
          progress.unreadable = true;
          return;
        }
        standing.answered += 1;
        if (store.isCorrect(saved.choice, question.correct, question.multi)) standing.right += 1;
        progress.saved.push({ lesson: lesson, question: question, choice: saved.choice, time: saved.time });
      });
      standing.done = standing.total > 0 && standing.answered === standing.total;
      progress.lessons[lesson.slug] = standing;
      progress.answered += standing.answered;
      progress.right += standing.right;
      progress.total += standing.total;
      if (standing.done) progress.completed += 1;
    });
    return progress;
  }

  /* Storage opened for one refresh: .failed turns true if any access throws. */
  function openStorage() {
    var state = { failed: false };
    state.storage = store.open(function () { state.failed = true; });
    return state;
  }

  /* The note for pages that show progress ("" when all is well). Tries a write: call it only there. */
  function storageNote(state, progress) {
    if (!state.storage.available || state.failed) return store.MESSAGES.unavailable;
    var notes = [];
    if (!state.storage.writable()) notes.push(store.MESSAGES.full);
    if (progress.unreadable) notes.push(store.MESSAGES.unreadable);
    return notes.join(" ");
  }

  // ------------------------------------------------------------ small DOM helpers (text only)

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function hiddenText(text) {
    return element("span", "course-visually-hidden", text);
  }

  /* A heading (with an id, for links) and the paragraph under it. */
  function section(id, title, text) {
    var heading = element("h2", "", title);
    heading.id = id;
    return [heading, element("p", "", text)];
  }

  function checkMark() {
    var mark = element("span", "course-check", "✓");
    mark.setAttribute("aria-hidden", "true");
    return mark;
  }

  function samePage(a, b) {
    function path(url) {
      var parsed = new URL(url, window.location.href);
      return parsed.origin + parsed.pathname.replace(/index\.html$/, "");
    }
    return path(a) === path(b);
  }

  // ------------------------------------------------------------ nav marks and the lesson list

  function markNav(course, progress) {
    var old = document.querySelectorAll(".course-nav-done");
    for (var i = 0; i < old.length; i++) old[i].remove();
    var links = Array.prototype.filter.call(
      document.querySelectorAll(".md-nav--primary a.md-nav__link[href]"),
      function (link) {
        return link.getAttribute("href").charAt(0) !== "#" && !link.closest(".md-nav--secondary");
      }
    );
    course.lessons.forEach(function (lesson) {
      if (!progress.lessons[lesson.slug].done) return;
      links.forEach(function (link) {
        if (!samePage(link.href, lesson.url)) return;
        // The current page's entry is a link and, on small screens, a label beside it.
        Array.prototype.forEach.call(link.parentNode.children, function (entry) {
          if (!entry.classList.contains("md-nav__link")) return;
          var mark = element("span", "course-nav-done");
          mark.appendChild(checkMark());
          mark.appendChild(hiddenText(" (completed)"));
          entry.appendChild(mark);
        });
      });
    });
  }

  function showLessonList(course, progress, note) {
    var statuses = document.querySelectorAll(".course-lesson-status[data-lesson]");
    if (!statuses.length) return;
    Array.prototype.forEach.call(statuses, function (status) {
      var lesson = course.bySlug[status.getAttribute("data-lesson")];
      var standing = lesson && progress.lessons[lesson.slug];
      status.textContent = "";
      var text = standing && !note.blocked ? store.standing(standing.answered, standing.right, standing.total) : "";
      status.hidden = !text;
      status.classList.toggle("course-lesson-status--done", Boolean(standing && standing.done));
      if (!text) return;
      if (standing.done) status.appendChild(checkMark());
      status.appendChild(document.createTextNode(text));
    });
    var list = statuses[0].closest("ul");
    var anchor = list && list.previousElementSibling && /^H[2-4]$/.test(list.previousElementSibling.tagName)
      ? list.previousElementSibling
      : list;
    var existing = document.querySelector(".course-lesson-list-note");
    if (!note.text) {
      if (existing) existing.remove();
      return;
    }
    var shown = existing || element("p", "course-progress-note course-lesson-list-note");
    shown.textContent = note.text;
    if (!existing && anchor) anchor.parentNode.insertBefore(shown, anchor);
  }

  // ------------------------------------------------------------ the "Your progress" view

  function mountView(container) {
    if (container.dataset.progressMounted) return container.courseView;
    container.dataset.progressMounted = "true";
    var view = { container: container };
    view.note = element("p", "course-progress-note");
    view.note.hidden = true;
    view.summary = element("p", "course-progress__summary");
    view.tracks = element("div", "course-progress__tracks");

    var transfer = section(
      "take-your-answers-elsewhere",
      "Take your answers to another browser",
      "Export saves every answer you have given in this browser to a file. On the other browser " +
        "or device, open this page and import the file: answers you gave there more recently are kept."
    );
    var actions = element("div", "course-progress__actions");
    view.exportButton = element("button", "md-button", "Export answers");
    view.importButton = element("button", "md-button", "Import answers from a file");
    view.exportButton.type = view.importButton.type = "button";
    view.fileInput = element("input", "course-progress__file");
    view.fileInput.type = "file";
    view.fileInput.accept = "application/json,.json";
    view.fileInput.hidden = true;
    view.fileInput.tabIndex = -1;
    view.fileInput.setAttribute("aria-label", "Answers file to import"); // the button opens it
    actions.appendChild(view.exportButton);
    actions.appendChild(view.importButton);
    actions.appendChild(view.fileInput);
    view.transferMessage = element("p", "course-progress__message");
    view.transferMessage.setAttribute("role", "status");

    var over = section(
      "start-over",
      "Start over",
      "Reset deletes every answer to this course's questions from this browser. Export them first " +
        "if you may want them back."
    );
    view.resetButton = element("button", "md-button", "Reset all answers…");
    view.resetButton.type = "button";
    view.confirm = element("div", "course-progress__confirm");
    view.confirm.hidden = true;
    view.confirmText = element("p", "");
    view.confirmText.tabIndex = -1;
    view.confirmButton = element("button", "md-button md-button--primary", "Delete all answers");
    view.cancelButton = element("button", "md-button", "Keep them");
    view.confirmButton.type = view.cancelButton.type = "button";
    view.confirm.appendChild(view.confirmText);
    view.confirm.appendChild(view.confirmButton);
    view.confirm.appendChild(view.cancelButton);
    view.resetMessage = element("p", "course-progress__message");
    view.resetMessage.setAttribute("role", "status");

    container.textContent = "";
    [view.note, view.summary, view.tracks, transfer[0], transfer[1], actions, view.transferMessage,
      over[0], over[1], view.resetButton, view.confirm, view.resetMessage].forEach(function (node) {
      container.appendChild(node);
    });

    view.exportButton.addEventListener("click", function () { withCourse(exportAnswers, view); });
    view.importButton.addEventListener("click", function () { view.fileInput.click(); });
    view.fileInput.addEventListener("change", function () {
      var file = view.fileInput.files && view.fileInput.files[0];
      view.fileInput.value = "";
      if (file) withCourse(importAnswers, view, file);
    });
    view.resetButton.addEventListener("click", function () { withCourse(askReset, view); });
    view.confirmButton.addEventListener("click", function () { withCourse(resetAll, view); });
    view.cancelButton.addEventListener("click", function () { closeConfirm(view, ""); });
    view.confirm.addEventListener("keydown", function (event) {
      if (event.key === "Escape") closeConfirm(view, "");
    });
    container.courseView = view;
    return view;
  }

  function say(node, text, problem) {
    node.textContent = text;
    node.classList.toggle("course-progress__message--problem", Boolean(problem));
  }

  function showView(view, course, progress, note) {
    view.note.textContent = note.text;
    view.note.hidden = !note.text;
    if (note.blocked) {
      view.summary.textContent = "Your progress can't be shown in this browser.";
    } else if (!progress.answered) {
      view.summary.textContent = "You haven't answered any questions in this browser yet.";
    } else {
      view.summary.textContent =
        "You have answered " + progress.answered + " of " + progress.total + " questions, " +
        progress.right + " of them right, and completed " + progress.completed + " of " +
        course.lessons.length + (course.lessons.length === 1 ? " lesson." : " lessons.");
    }
    view.tracks.textContent = "";
    course.tracks.forEach(function (track) {
      var heading = element("h2", "", "Track " + track.number + (track.name ? " · " + track.name : ""));
      heading.id = "progress-track-" + track.number;
      var wrap = element("div", "course-progress__table");
      var table = element("table");
      table.setAttribute("aria-labelledby", heading.id);
      var head = table.createTHead().insertRow();
      ["Lesson", "Answered", "Right"].forEach(function (name) {
        var cell = element("th", "", name);
        cell.scope = "col";
        head.appendChild(cell);
      });
      var body = table.createTBody();
      track.lessons.forEach(function (lesson) {
        var standing = progress.lessons[lesson.slug];
        var row = body.insertRow();
        row.setAttribute("data-lesson", lesson.slug);
        var name = element("th");
        name.scope = "row";
        var link = element("a", "", lesson.number + " " + lesson.title);
        link.href = lesson.url;
        name.appendChild(link);
        row.appendChild(name);
        var answered = row.insertCell();
        var right = row.insertCell();
        answered.className = "course-progress__answered";
        right.className = "course-progress__right";
        if (note.blocked) {
          answered.textContent = "Unknown";
        } else if (!standing.total) {
          answered.textContent = "No quiz";
        } else if (!standing.answered) {
          answered.textContent = "Not started";
        } else {
          if (standing.done) answered.appendChild(checkMark());
          answered.appendChild(document.createTextNode(standing.answered + " of " + standing.total));
          if (standing.done) answered.appendChild(hiddenText(", completed"));
          right.textContent = String(standing.right);
        }
      });
      wrap.appendChild(table);
      view.tracks.appendChild(heading);
      view.tracks.appendChild(wrap);
    });
  }

  // ------------------------------------------------------------ export, import, reset

  function exportAnswers(course, view) {
    var state = openStorage();
    var progress = readProgress(course, state.storage);
    if (!progress.saved.length) {
      say(view.transferMessage, "There are no saved answers in this browser to export.", true);
      return;
    }
    var now = new Date();
    var data = {
      format: FORMAT,
      version: FORMAT_VERSION,
      namespace: course.namespace,
      exported: now.toISOString(),
      answers: progress.saved.map(function (saved) {
        return {
          lesson: saved.lesson.slug,
          question: saved.question.id,
          version: saved.question.version,
          answer: saved.choice,
          time: saved.time === null ? null : new Date(saved.time).toISOString()
        };
      })
    };
    var name = course.namespace + "-progress-" + now.toISOString().slice(0, 10) + ".json";
    var url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2) + "\n"], { type: "application/json" }));
    var link = element("a");
    link.href = url;
    link.download = name;
    link.click(); // not in the document, so Material's instant navigation never sees it
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    say(
      view.transferMessage,
      "Exported " + plural(data.answers.length, "answer") + " to " + name + ". Import that file on this page " +
        "in the other browser."
    );
  }

  function plural(count, word) {
    return count + " " + word + (count === 1 ? "" : "s");
  }

  function isPlainObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function onlyFields(value, allowed) {
    return Object.keys(value).every(function (name) { return allowed.indexOf(name) !== -1; });
  }

  /* The file's answers, checked whole: {answers} or {error} (a reason, as text). */
  function checkFile(course, text) {
    if (/[<>]/.test(text)) return { error: "it contains markup (< or >), which a progress file never holds." };
    var data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return { error: "it is not a progress file exported from this course (it isn't valid JSON)." };
    }
    if (!isPlainObject(data) || data.format !== FORMAT) {
      return { error: "it is not a progress file exported from this course." };
    }
    if (data.namespace !== course.namespace) {
      return { error: "it holds answers for another course, not this one." };
    }
    if (data.version !== FORMAT_VERSION) {
      return { error: "it was written by another version of this site, which this page can't read." };
    }
    if (!onlyFields(data, FILE_FIELDS) || !Array.isArray(data.answers)) {
      return { error: "it is damaged: it doesn't have the fields a progress file has." };
    }
    if (data.exported !== undefined && !(typeof data.exported === "string" && ISO_TIME.test(data.exported))) {
      return { error: "it is damaged: its export time isn't a time." };
    }
    var answers = [];
    for (var i = 0; i < data.answers.length; i++) {
      var entry = data.answers[i];
      var wellFormed =
        isPlainObject(entry) &&
        onlyFields(entry, ENTRY_FIELDS) &&
        typeof entry.lesson === "string" && SLUG.test(entry.lesson) &&
        typeof entry.question === "string" && SLUG.test(entry.question) &&
        typeof entry.version === "number" && entry.version % 1 === 0 && entry.version >= 1 &&
        (entry.time === null || (typeof entry.time === "string" && ISO_TIME.test(entry.time) &&
          !isNaN(Date.parse(entry.time))));
      var lesson = wellFormed ? course.bySlug[entry.lesson] : null;
      var question = lesson && lesson.questions.filter(function (q) { return q.id === entry.question; })[0];
      var current = question && question.version === entry.version;
      // An answer to a question this site has at the same version must fit it; others are left out.
      var choice = current
        ? store.validChoice(entry.answer, question.options, question.multi)
        : store.validChoice(entry.answer, Infinity, Array.isArray(entry.answer));
      if (!wellFormed || choice === null) {
        return { error: "it is damaged: answer " + (i + 1) + " isn't in the form a progress file uses." };
      }
      answers.push({
        question: current ? question : null,
        choice: choice,
        time: entry.time === null ? null : Date.parse(entry.time)
      });
    }
    return { answers: answers };
  }

  function newer(a, b) {
    // A time of null (an answer saved before answers had times) is older than any other.
    return a !== null && (b === null || a > b);
  }

  function importAnswers(course, view, file) {
    var name = String(file.name || "the file").slice(0, 80);
    function refuse(reason) {
      say(view.transferMessage, "Nothing was imported from " + name + ": " + reason, true);
    }
    if (file.size > MAX_BYTES) {
      refuse("it is too large to be a progress file (over 1 MB).");
      return;
    }
    file.text().then(function (text) {
      var checked = checkFile(course, text);
      if (checked.error) return refuse(checked.error);
      var state = openStorage();
      if (!state.storage.available) return refuse(store.MESSAGES.unavailable);
      var latest = {};
      var skipped = 0;
      checked.answers.forEach(function (answer) {
        if (!answer.question) {
          skipped += 1;
          return;
        }
        var key = answer.question.key;
        if (!latest[key] || newer(answer.time, latest[key].time)) latest[key] = answer;
      });
      var written = [];
      var kept = 0;
      var failed = false;
      Object.keys(latest).forEach(function (key) {
        if (failed) return;
        var answer = latest[key];
        var before = state.storage.get(key);
        var local = store.read(before, answer.question.options, answer.question.multi);
        if (local && !newer(answer.time, local.time)) {
          kept += 1;
          return;
        }
        if (state.storage.set(key, store.value(answer.choice, answer.time))) {
          written.push({ key: key, before: before });
        } else {
          failed = true;
        }
      });
      if (failed || state.failed) {
        // All or nothing: put back what was there before.
        written.forEach(function (entry) {
          if (entry.before === null) state.storage.remove(entry.key);
          else state.storage.set(entry.key, entry.before);
        });
        return refuse(store.MESSAGES.full);
      }
      var parts = ["Imported " + plural(written.length, "answer") + " from " + name + "."];
      if (kept) parts.push(plural(kept, "answer") + " given more recently in this browser " + (kept === 1 ? "was" : "were") + " kept.");
      if (skipped) parts.push(plural(skipped, "answer") + " to questions that have changed or no longer exist " + (skipped === 1 ? "was" : "were") + " left out.");
      say(view.transferMessage, parts.join(" "));
      refresh();
    }, function () {
      refuse("this browser couldn't read it.");
    });
  }

  function askReset(course, view) {
    var state = openStorage();
    var count = state.storage.keys(store.within(course.namespace)).length;
    say(view.resetMessage, "");
    if (!count) {
      say(view.resetMessage, "There are no saved answers in this browser to delete.");
      return;
    }
    view.confirmText.textContent =
      "Delete all " + plural(count, "saved answer") + " to this course's questions from this browser? " +
      "This can't be undone.";
    view.confirm.hidden = false;
    view.confirmText.focus();
  }

  function closeConfirm(view, message, problem) {
    view.confirm.hidden = true;
    say(view.resetMessage, message, problem);
    view.resetButton.focus();
  }

  function resetAll(course, view) {
    var state = openStorage();
    var keys = state.storage.keys(store.within(course.namespace));
    keys.forEach(function (key) { state.storage.remove(key); });
    var left = state.storage.keys(store.within(course.namespace)).length;
    if (state.failed || left) {
      closeConfirm(view, store.MESSAGES.notDeleted, true);
    } else {
      closeConfirm(view, "Deleted " + plural(keys.length, "answer") + " from this browser.");
    }
    refresh();
  }

  // ------------------------------------------------------------ refreshing the page

  function withCourse(action, view, extra) {
    loadCourse().then(
      function (course) { action(course, view, extra); },
      function () {
        say(view.transferMessage, "The course's list of lessons didn't load, so this can't be done now. Reload the page to try again.", true);
      }
    );
  }

  function refresh() {
    var containers = document.querySelectorAll("[data-course-progress]");
    var views = Array.prototype.map.call(containers, mountView);
    loadCourse().then(
      function (course) {
        var state = openStorage();
        var progress = readProgress(course, state.storage);
        var blocked = !state.storage.available || state.failed;
        var needsNote = views.length || document.querySelector(".course-lesson-status");
        var note = { blocked: blocked, text: needsNote ? storageNote(state, progress) : "" };
        markNav(course, progress);
        showLessonList(course, progress, note);
        views.forEach(function (view) { showView(view, course, progress, note); });
      },
      function () {
        views.forEach(function (view) {
          view.summary.textContent =
            "Your progress can't be shown right now: the course's list of lessons didn't load. Reload the page to try again.";
        });
      }
    );
  }

  function safeRefresh() {
    try {
      refresh();
    } catch (error) {
      // Progress is an extra: a failure here must never break the page.
    }
  }

  // A page that carries the manifest inline is laid out now, while the document is parsed and
  // before its first paint, not after Material's first document$ (DOMContentLoaded): the
  // footer under Your progress must not be painted once high up and then pushed down.
  if (document.querySelector("[data-course-manifest]")) safeRefresh();
  store.onEveryPage(refresh);
  document.addEventListener("course-quiz:change", safeRefresh);
  window.addEventListener("storage", safeRefresh);
})();
