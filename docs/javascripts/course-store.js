/* What quiz.js and progress.js share: how an answer is stored in this browser, how a reader's
 * standing in a quiz is put into words, and running on every page. Loaded before both
 * (mkdocs.yml, extra_javascript).
 *
 * Each answer is one localStorage entry:
 *   key   "<namespace>:<lesson slug>:<question id>:v<version>"
 *   value {"choice": <option index>, "time": <ms since 1970>}   ({"choice": [indices], …} for
 *         a multiple-answer question). "time" says when it was given, so an import keeps the
 *         newer of two answers; entries saved before "time" existed have none and count as oldest.
 * Bumping a question's version in quiz.yml changes its key: answers saved for an older version
 * count as unanswered everywhere. Keys are built by the functions under "storage keys" below and
 * nowhere else; the build writes a quiz's "<namespace>:<lesson slug>" into its form's data-quiz
 * (overrides/course/quiz.html).
 */
(function () {
  "use strict";

  var PROBE = "__course_probe__";

  /* Storage access that never throws. Every failure is reported through onFail("unavailable"). */
  function open(onFail) {
    var store = null;
    try {
      store = window.localStorage;
      if (!store) throw new Error("no localStorage");
      store.getItem(PROBE);
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
      available: store !== null,
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
      },
      /* Whether a new answer could be saved now (false when storage is full or blocked). */
      writable: function () {
        if (!store) return false;
        try {
          store.setItem(PROBE, "1");
          store.removeItem(PROBE);
          return true;
        } catch (error) {
          return false;
        }
      }
    };
  }

  // ------------------------------------------------------------ storage keys

  var SEPARATOR = ":";

  /* "<namespace>:<lesson slug>", what every key of one lesson's quiz starts with. */
  function quizKey(namespace, slug) {
    return namespace + SEPARATOR + slug;
  }

  /* What every key under a namespace or a quiz key starts with. */
  function within(scope) {
    return scope + SEPARATOR;
  }

  /* What the keys of a question's answers start with, whatever their version. */
  function questionPrefix(quizKey, questionId) {
    return within(quizKey) + questionId + SEPARATOR + "v";
  }

  function key(quizKey, questionId, version) {
    return questionPrefix(quizKey, questionId) + version;
  }

  // ------------------------------------------------------------ what is said about storage

  /* Every sentence the course's scripts show about this browser's storage, in one place. */
  var MESSAGES = {
    // Where saved answers are counted (the lesson list, Your progress).
    unavailable: "This browser isn't letting the course save data, so answers can't be kept or shown here.",
    full: "This browser's storage for this site is full or read-only, so new answers can't be saved here.",
    unreadable: "Some saved answers in this browser could not be read, so those questions count as unanswered.",
    notDeleted: "Some answers could not be deleted: this browser isn't letting the course change its data.",
    // In a quiz, which keeps working in memory without storage.
    quizUnavailable:
      "This browser isn't letting the course save data, so your answers won't be kept in this " +
      "browser: they will be gone when you leave or reload the page.",
    quizUnreadable: "A saved answer in this browser could not be read, so that question starts fresh."
  };

  /* A choice that fits a question with `count` options, normalised; null when it doesn't. */
  function validChoice(choice, count, multi) {
    function ok(n) { return typeof n === "number" && n % 1 === 0 && n >= 0 && n < count; }
    if (multi) {
      if (!Array.isArray(choice) || !choice.length || !choice.every(ok)) return null;
      var sorted = choice.slice().sort(function (a, b) { return a - b; });
      for (var i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) return null;
      return sorted;
    }
    return ok(choice) ? choice : null;
  }

  function isCorrect(choice, correct, multi) {
    if (choice === null) return false;
    if (multi) return choice.join(",") === correct.slice().sort(function (a, b) { return a - b; }).join(",");
    return correct.indexOf(choice) !== -1;
  }

  /* {choice, time} from a stored value, or null when it can't be read as an answer. */
  function read(raw, count, multi) {
    if (raw === null) return null;
    try {
      var data = JSON.parse(raw);
      if (!data || typeof data !== "object") return null;
      var choice = validChoice(data.choice, count, multi);
      if (choice === null) return null;
      var time = typeof data.time === "number" && isFinite(data.time) && data.time >= 0 ? data.time : null;
      return { choice: choice, time: time };
    } catch (error) {
      return null;
    }
  }

  function value(choice, time) {
    return JSON.stringify({ choice: choice, time: time });
  }

  /* Where a reader stands in one quiz, in words. `notStarted` is said before any answer. */
  function standing(answered, right, total, notStarted) {
    if (!total) return "";
    if (!answered) return notStarted || "Not started";
    if (answered < total) return "Answered " + answered + " of " + total + ", " + right + " right";
    return "All " + total + " answered, " + right + " right";
  }

  /* Runs fn on every page: Material's instant navigation swaps pages without reloading scripts
   * and emits document$ for each; without Material, once the document is ready. */
  function onEveryPage(fn) {
    function run() {
      try {
        fn();
      } catch (error) {
        // The course's scripts are extras on a readable page: a failure must not break it.
      }
    }
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(run);
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", run);
    } else {
      run();
    }
  }

  window.courseStore = {
    onEveryPage: onEveryPage,
    open: open,
    quizKey: quizKey,
    within: within,
    questionPrefix: questionPrefix,
    key: key,
    validChoice: validChoice,
    isCorrect: isCorrect,
    read: read,
    value: value,
    standing: standing,
    MESSAGES: MESSAGES
  };
})();
