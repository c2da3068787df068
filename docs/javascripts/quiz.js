/* "Check yourself" quizzes: feedback, score and answers saved in this browser.
 *
 * The server renders each quiz as a plain form (coursetools/render.py, quiz()). This script
 * adds behaviour on top, with no library and no build step:
 *
 * - choosing an option shows feedback and the explanation, updates the score and announces
 *   the feedback through the form's live region;
 * - each answer is saved in localStorage under "<namespace>:<lesson>:<question>:v<version>"
 *   as {"choice": <option index>} ({"choice": [indices]} for multiple-answer questions), and
 *   restored on load. Bumping a question's version in quiz.yml drops only that answer;
 * - storage that is blocked, full or holds unreadable data never breaks the quiz: it keeps
 *   working in memory and says so in p.course-quiz__storage;
 * - Material's instant navigation swaps pages without reloading scripts, so forms are mounted
 *   from document$ (or DOMContentLoaded without Material), each form exactly once.
 */
(function () {
  "use strict";

  var MOUNTED = "quizMounted"; // data-quiz-mounted on a form that has its listeners

  var MESSAGE_UNAVAILABLE =
    "This browser isn't letting the course save data, so your answers won't be kept in this " +
    "browser: they will be gone when you leave or reload the page.";
  var MESSAGE_UNREADABLE =
    "A saved answer in this browser could not be read, so that question starts fresh.";

  /* Storage access that never throws. Every call reports failure through onFail(kind). */
  function openStorage(onFail) {
    var store = null;
    try {
      store = window.localStorage;
      if (!store) throw new Error("no localStorage");
      store.getItem("__course_probe__");
    } catch (error) {
      store = null;
      onFail("unavailable");
    }
    function attempt(action, fallback) {
      if (!store) return fallback;
      try {
        return action(store);
      } catch (error) {
        onFail("unavailable");
        return fallback;
      }
    }
    return {
      get: function (key) {
        return attempt(function (s) { return s.getItem(key); }, null);
      },
      set: function (key, value) {
        return attempt(function (s) { s.setItem(key, value); return true; }, false);
      },
      remove: function (key) {
        attempt(function (s) { s.removeItem(key); }, undefined);
      },
      keys: function (prefix) {
        return attempt(function (s) {
          var found = [];
          for (var i = 0; i < s.length; i++) {
            var key = s.key(i);
            if (key !== null && key.indexOf(prefix) === 0) found.push(key);
          }
          return found;
        }, []);
      }
    };
  }

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
    var scoreOutput = form.querySelector(".course-quiz__score output");
    var resetButton = form.querySelector(".course-quiz__reset");
    var fieldsets = Array.prototype.slice.call(form.querySelectorAll(".course-quiz__question"));

    var problems = {};
    function reportStorage(kind) {
      problems[kind] = true;
      if (!storageNote) return;
      storageNote.textContent = problems.unavailable ? MESSAGE_UNAVAILABLE : MESSAGE_UNREADABLE;
      storageNote.hidden = false;
    }
    var storage = openStorage(reportStorage);

    var questions = fieldsets.map(function (fieldset, position) {
      var id = fieldset.getAttribute("data-question");
      var version = fieldset.getAttribute("data-version") || "1";
      var inputs = Array.prototype.slice.call(fieldset.querySelectorAll("input"));
      return {
        fieldset: fieldset,
        number: position + 1,
        id: id,
        key: quizKey + ":" + id + ":v" + version,
        versionPrefix: quizKey + ":" + id + ":v",
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
      var correct = correctIndices(question);
      if (question.multi) {
        return question.choice !== null && question.choice.join(",") === correct.join(",");
      }
      return question.choice !== null && correct.indexOf(question.choice) !== -1;
    }

    function validChoice(question, choice) {
      var count = question.inputs.length;
      function ok(n) { return typeof n === "number" && n % 1 === 0 && n >= 0 && n < count; }
      if (question.multi) {
        if (!Array.isArray(choice) || !choice.length || !choice.every(ok)) return null;
        return choice.slice().sort(function (a, b) { return a - b; });
      }
      return ok(choice) ? choice : null;
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

    function renderScore() {
      var score = questions.filter(isCorrect).length;
      if (scoreOutput) scoreOutput.textContent = String(score);
      return score;
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
      var choice = null;
      try {
        var data = JSON.parse(raw);
        choice = data && typeof data === "object" ? validChoice(question, data.choice) : null;
      } catch (error) {
        choice = null;
      }
      if (choice === null) {
        storage.remove(question.key);
        reportStorage("unreadable");
      }
      return choice;
    }

    function save(question) {
      if (question.choice === null) {
        storage.remove(question.key);
      } else if (!storage.set(question.key, JSON.stringify({ choice: question.choice }))) {
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
      var score = renderScore();
      save(question);
      announce(
        "Question " + question.number + ": " +
        (question.choice === null ? "no answer." : feedbackText(question)) +
        " Score " + score + " of " + questions.length + "."
      );
    });

    // Enter in a form would submit it (a page reload); the quiz has nothing to submit.
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    if (resetButton) {
      resetButton.addEventListener("click", function () {
        storage.keys(quizKey + ":").forEach(function (key) { storage.remove(key); });
        questions.forEach(function (question) {
          question.choice = null;
          storage.remove(question.key);
          render(question);
        });
        renderScore();
        announce("Answers cleared. Score 0 of " + questions.length + ".");
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

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(mountAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mountAll);
  } else {
    mountAll();
  }
})();
