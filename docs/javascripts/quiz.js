/* "Check yourself" quizzes: feedback, score and answers saved in this browser.
 *
 * The build renders each quiz as a plain form (overrides/course/quiz.html). This script
 * adds behaviour on top, with no library and no build step:
 *
 * - choosing an option shows feedback and the explanation, updates the score and announces
 *   the feedback through the form's live region;
 * - each answer is saved in localStorage and restored on load (course-store.js, which this
 *   script needs loaded first, holds the key format). Bumping a question's version in quiz.yml
 *   drops only that answer;
 * - the score line says where the reader stands in words ("Answered 2 of 4, 1 right"), and each
 *   change is told to the page as a "course-quiz:change" event (progress.js updates the nav);
 * - storage that is blocked, full or holds unreadable data never breaks the quiz: it keeps
 *   working in memory and says so in p.course-quiz__storage;
 * - Material's instant navigation swaps pages without reloading scripts, so forms are mounted
 *   from document$ (or DOMContentLoaded without Material), each form exactly once.
 */
(function () {
  "use strict";

  var MOUNTED = "quizMounted"; // data-quiz-mounted on a form that has its listeners

  var store = window.courseStore;
  var NOT_STARTED = "None answered yet";

  function optionText(input) {
    var label = input.closest("label");
    var span = label && label.querySelector("span");
    return ((span || label || input).textContent || "").replace(/\s+/g, " ").trim();
  }

  function mount(form) {
    if (form.dataset[MOUNTED]) return;
    form.dataset[MOUNTED] = "true";

    var quizKey = form.getAttribute("data-quiz") || "course:quiz";
    var storageNote = form.querySelector(".course-quiz__storage");
    var status = form.querySelector(".course-quiz__status");
    var scoreLine = form.querySelector(".course-quiz__score");
    var resetButton = form.querySelector(".course-quiz__reset");
    var fieldsets = Array.prototype.slice.call(form.querySelectorAll(".course-quiz__question"));

    var problems = {};
    function reportStorage(kind) {
      problems[kind] = true;
      if (!storageNote) return;
      storageNote.textContent = problems.unavailable ? store.MESSAGES.quizUnavailable : store.MESSAGES.quizUnreadable;
      storageNote.hidden = false;
    }
    var storage = store.open(reportStorage);

    var questions = fieldsets.map(function (fieldset, position) {
      var id = fieldset.getAttribute("data-question");
      var version = fieldset.getAttribute("data-version") || "1";
      var inputs = Array.prototype.slice.call(fieldset.querySelectorAll("input"));
      return {
        fieldset: fieldset,
        number: position + 1,
        id: id,
        key: store.key(quizKey, id, version),
        versionPrefix: store.questionPrefix(quizKey, id),
        inputs: inputs,
        multi: inputs.some(function (input) { return input.type === "checkbox"; }),
        feedback: fieldset.querySelector(".course-quiz__feedback"),
        explanation: fieldset.querySelector(".course-quiz__explanation"),
        choice: null // index (radio) or sorted array of indices (checkbox); null = unanswered
      };
    });

    function correctIndices(question) {
      return question.inputs
        .filter(function (input) { return input.hasAttribute("data-correct"); })
        .map(function (input) { return Number(input.value); });
    }

    function isCorrect(question) {
      return store.isCorrect(question.choice, correctIndices(question), question.multi);
    }

    function validChoice(question, choice) {
      return store.validChoice(choice, question.inputs.length, question.multi);
    }

    function feedbackText(question) {
      if (isCorrect(question)) return "Correct.";
      var answers = question.inputs
        .filter(function (input) { return input.hasAttribute("data-correct"); })
        .map(optionText);
      return question.multi
        ? "Not quite — the answers are: " + answers.join("; ")
        : "Not quite — the answer is: " + answers.join("; ");
    }

    function render(question) {
      var answered = question.choice !== null;
      var chosen = question.multi ? question.choice || [] : [question.choice];
      question.inputs.forEach(function (input) {
        var index = Number(input.value);
        input.checked = answered && chosen.indexOf(index) !== -1;
        var label = input.closest("label");
        if (!label) return;
        label.classList.toggle("course-quiz__option--correct", answered && input.hasAttribute("data-correct"));
        label.classList.toggle(
          "course-quiz__option--wrong",
          answered && input.checked && !input.hasAttribute("data-correct")
        );
      });
      var correct = answered && isCorrect(question);
      question.fieldset.classList.toggle("course-quiz__question--correct", correct);
      question.fieldset.classList.toggle("course-quiz__question--wrong", answered && !correct);
      if (question.feedback) {
        question.feedback.textContent = answered ? feedbackText(question) : "";
        question.feedback.hidden = !answered;
      }
      if (question.explanation) question.explanation.hidden = !answered;
    }

    /* "Answered 2 of 4, 1 right": the score line's text, also said after each answer. */
    function renderScore() {
      var answered = questions.filter(function (q) { return q.choice !== null; }).length;
      var text = store.standing(answered, questions.filter(isCorrect).length, questions.length, NOT_STARTED);
      if (scoreLine) scoreLine.textContent = text + ".";
      return text;
    }

    function changed() {
      form.dispatchEvent(new CustomEvent("course-quiz:change", { bubbles: true }));
    }

    function announce(text) {
      if (!status) return;
      // Clear first so that the same sentence twice in a row is announced twice.
      status.textContent = "";
      window.setTimeout(function () { status.textContent = text; }, 50);
    }

    function load(question) {
      // Answers saved under an older version of this question no longer apply.
      storage.keys(question.versionPrefix).forEach(function (key) {
        if (key !== question.key) storage.remove(key);
      });
      var raw = storage.get(question.key);
      if (raw === null) return null;
      var saved = store.read(raw, question.inputs.length, question.multi);
      if (saved === null) {
        storage.remove(question.key);
        reportStorage("unreadable");
        return null;
      }
      return saved.choice;
    }

    function save(question) {
      if (question.choice === null) {
        storage.remove(question.key);
      } else if (!storage.set(question.key, store.value(question.choice, Date.now()))) {
        reportStorage("unavailable");
      }
    }

    questions.forEach(function (question) {
      question.choice = load(question);
      render(question);
    });
    renderScore();

    form.addEventListener("change", function (event) {
      var input = event.target;
      var question = questions.filter(function (q) { return q.fieldset.contains(input); })[0];
      if (!question) return;
      if (question.multi) {
        var checked = question.inputs
          .filter(function (i) { return i.checked; })
          .map(function (i) { return Number(i.value); });
        question.choice = validChoice(question, checked);
      } else {
        question.choice = validChoice(question, Number(input.value));
      }
      render(question);
      var standing = renderScore();
      save(question);
      changed();
      announce(
        "Question " + question.number + ": " +
        (question.choice === null ? "no answer." : feedbackText(question)) +
        " " + standing + "."
      );
    });

    // Enter in a form would submit it (a page reload); the quiz has nothing to submit.
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    if (resetButton) {
      resetButton.addEventListener("click", function () {
        storage.keys(store.within(quizKey)).forEach(function (key) { storage.remove(key); });
        questions.forEach(function (question) {
          question.choice = null;
          storage.remove(question.key);
          render(question);
        });
        renderScore();
        changed();
        announce("Answers cleared.");
      });
    }

    form.dispatchEvent(new CustomEvent("course-quiz:mount", { bubbles: true }));
  }

  function mountAll() {
    var forms = document.querySelectorAll("form.course-quiz");
    for (var i = 0; i < forms.length; i++) {
      try {
        mount(forms[i]);
      } catch (error) {
        // A broken quiz must not break the page: the form still works as plain HTML.
      }
    }
  }

  store.onEveryPage(mountAll);
})();
