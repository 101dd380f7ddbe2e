// Autosave for the assessment's section form. Without this file the form still works: its Save button posts every
// answer, and the server writes the changed ones. With it, each answer is saved through the API as soon as it changes,
// with the version the page was given; a colleague's newer answer is never overwritten silently but shown, and the
// person chooses which to keep.
(function () {
  "use strict";
  var form = document.querySelector("form.assessment-form");
  if (!form || !window.fetch) return;
  var api = form.getAttribute("data-api");
  var live = document.getElementById("autosave-status");
  var timers = new WeakMap();

  function message(name, value) {
    var text = form.getAttribute("data-msg-" + name) || "";
    return value === undefined ? text : text.replace("{0}", value);
  }

  function announce(text) {
    if (!live) return;
    live.textContent = "";
    // A fresh text node is announced even when the same words come twice.
    window.setTimeout(function () { live.textContent = text; }, 50);
  }

  function field(box, role) { return box.querySelector("[data-role='" + role + "']"); }

  function titleOf(box) {
    var title = box.querySelector(".question-title");
    return title ? title.textContent.trim() : "";
  }

  function checkedValue(box, suffix) {
    var checked = box.querySelector("input[type=radio][name$='" + suffix + "']:checked");
    return checked ? checked.value : null;
  }

  function inputValue(box, suffix) {
    var input = box.querySelector("[name$='" + suffix + "']:not([type=radio]):not([type=hidden])");
    return input ? input.value : null;
  }

  // The request body for one question, or null while it has nothing to save.
  function answerBody(box) {
    var version = parseInt(field(box, "version").value, 10) || 0;
    var body = { note: inputValue(box, ".Note"), evidenceUrl: inputValue(box, ".EvidenceUrl"), version: version };
    if (box.getAttribute("data-scored") === "true") {
      var choice = checkedValue(box, ".Choice");
      if (!choice) return null;
      if (/^[1-5]$/.test(choice)) body.level = parseInt(choice, 10); else body.choice = choice;
    } else {
      var value = checkedValue(box, ".Value");
      if (value === null) value = inputValue(box, ".Value");
      if (value === null || value.trim() === "") return null;
      body.value = value;
    }
    return body;
  }

  function practiceBody(box) {
    return {
      solutionName: box.querySelector("[name='Practice.SolutionName']").value,
      url: box.querySelector("[name='Practice.Url']").value,
      achievement: box.querySelector("[name='Practice.Achievement']").value,
      version: parseInt(field(box, "version").value, 10) || 0
    };
  }

  function setStatus(box, text, kind) {
    var status = field(box, "status");
    status.textContent = text;
    status.className = "answer-status" + (kind ? " answer-status-" + kind : "");
  }

  // Words for a stored answer, from the labels of the form itself.
  function describe(box, answer) {
    if (!answer) return message("none");
    if (answer.choice === "level" || answer.choice === "dont_know" || answer.choice === "not_applicable") {
      var value = answer.choice === "level" ? String(answer.level) : answer.choice;
      var radio = box.querySelector("input[type=radio][value='" + value + "']");
      var label = radio ? box.querySelector("label[for='" + radio.id + "']") : null;
      return label ? label.textContent.replace(/\s+/g, " ").trim() : value;
    }
    var option = box.querySelector("input[type=radio][value='" + answer.value + "']");
    var optionLabel = option ? box.querySelector("label[for='" + option.id + "']") : null;
    return optionLabel ? optionLabel.textContent.trim() : answer.value;
  }

  function applyTheirs(box, answer) {
    box.querySelectorAll("input[type=radio]").forEach(function (radio) {
      var value = answer ? (answer.choice === "level" ? String(answer.level) : answer.choice === "value" ? answer.value : answer.choice) : null;
      radio.checked = radio.value === value;
    });
    var valueInput = box.querySelector("[name$='.Value']:not([type=radio]):not([type=hidden])");
    if (valueInput) valueInput.value = answer && answer.value ? answer.value : "";
    var note = box.querySelector("[name$='.Note']");
    if (note) note.value = answer && answer.note ? answer.note : "";
    var url = box.querySelector("[name$='.EvidenceUrl']");
    if (url) url.value = answer && answer.evidenceUrl ? answer.evidenceUrl : "";
    if (box.hasAttribute("data-good-practice")) {
      box.querySelector("[name='Practice.SolutionName']").value = answer && answer.solutionName ? answer.solutionName : "";
      box.querySelector("[name='Practice.Url']").value = answer && answer.url ? answer.url : "";
      box.querySelector("[name='Practice.Achievement']").value = answer && answer.achievement ? answer.achievement : "";
    }
  }

  function showConflict(box, current) {
    var status = field(box, "status");
    status.textContent = "";
    status.className = "answer-status answer-status-conflict";
    var intro = document.createElement("p");
    intro.textContent = message("conflict", titleOf(box));
    var theirs = document.createElement("p");
    var who = current && current.updatedBy ? current.updatedBy.displayName : "";
    var strong = document.createElement("strong");
    strong.textContent = message("theirs", who) + " ";
    theirs.appendChild(strong);
    theirs.appendChild(document.createTextNode(box.hasAttribute("data-good-practice")
      ? [current && current.solutionName, current && current.url].filter(Boolean).join(" · ")
      : describe(box, current)));
    status.appendChild(intro);
    status.appendChild(theirs);
    if (current && current.note) {
      var note = document.createElement("p");
      note.className = "preserve-lines";
      note.textContent = message("note") + " " + current.note;
      status.appendChild(note);
    }
    if (current && (current.evidenceUrl || current.achievement)) {
      var more = document.createElement("p");
      more.className = "preserve-lines";
      more.textContent = current.evidenceUrl ? message("link") + " " + current.evidenceUrl : current.achievement;
      status.appendChild(more);
    }
    var keep = document.createElement("button");
    keep.type = "button";
    keep.className = "button-secondary";
    keep.textContent = message("keep-mine");
    keep.addEventListener("click", function () {
      field(box, "version").value = current ? current.version : 0;
      save(box);
    });
    var use = document.createElement("button");
    use.type = "button";
    use.className = "button-secondary";
    use.textContent = message("use-theirs");
    use.addEventListener("click", function () {
      applyTheirs(box, current);
      field(box, "version").value = current ? current.version : 0;
      setStatus(box, message("saved"), "saved");
      announce(message("saved-question", titleOf(box)));
    });
    var buttons = document.createElement("p");
    buttons.className = "button-row";
    buttons.appendChild(keep);
    buttons.appendChild(use);
    status.appendChild(buttons);
    announce(message("conflict", titleOf(box)));
  }

  function blank(value) { return value === null || value === undefined ? "" : String(value).trim(); }

  function sameAs(body, current) {
    if (!current) return false;
    if (current.topicKey !== undefined) {
      return blank(body.solutionName) === blank(current.solutionName) && blank(body.url) === blank(current.url)
        && blank(body.achievement) === blank(current.achievement);
    }
    var answer = body.level !== undefined ? "level" + body.level : body.choice !== undefined ? body.choice : "value" + blank(body.value);
    var stored = current.choice === "level" ? "level" + current.level : current.choice === "value" ? "value" + blank(current.value) : current.choice;
    return answer === stored && blank(body.note) === blank(current.note) && blank(body.evidenceUrl) === blank(current.evidenceUrl);
  }

  function errorsOf(problem) {
    if (problem && problem.errors) {
      return Object.keys(problem.errors).map(function (k) { return problem.errors[k].join(" "); }).join(" ");
    }
    return problem && problem.detail ? problem.detail : "";
  }

  function save(box) {
    var isPractice = box.hasAttribute("data-good-practice");
    var body = isPractice ? practiceBody(box) : answerBody(box);
    if (!body) return;
    var url = isPractice
      ? api + "/good-practices/" + encodeURIComponent(box.getAttribute("data-good-practice"))
      : api + "/answers/" + encodeURIComponent(box.getAttribute("data-question"));
    setStatus(box, message("saving"), "saving");
    box.setAttribute("aria-busy", "true");
    fetch(url, {
      method: "PUT",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify(body)
    }).then(function (response) {
      if (response.status === 401) {
        setStatus(box, message("signed-out"), "error");
        announce(message("signed-out"));
        return null;
      }
      return response.json().catch(function () { return {}; }).then(function (json) {
        if (response.ok) {
          field(box, "version").value = json.version;
          field(box, "original").value = "";
          setStatus(box, message("saved"), "saved");
          announce(message("saved-question", titleOf(box)));
        } else if (response.status === 409 && json.reason === "stale" && sameAs(body, json.current)) {
          // Already stored as sent (the Save button got there first): nothing to choose.
          field(box, "version").value = json.current.version;
          setStatus(box, message("saved"), "saved");
        } else if (response.status === 409 && json.reason === "stale") {
          showConflict(box, json.current);
        } else if (response.status === 409 && json.reason === "submitted") {
          setStatus(box, message("submitted"), "error");
          announce(message("submitted"));
        } else {
          var text = message("error", errorsOf(json));
          setStatus(box, text, "error");
          announce(text);
        }
        return null;
      });
    }).catch(function () {
      setStatus(box, message("network"), "error");
      announce(message("network"));
    }).then(function () {
      box.removeAttribute("aria-busy");
    });
  }

  // Radio buttons save at once after a short pause (arrow keys move the choice step by step); text saves when the
  // person leaves the field.
  function schedule(box, delay) {
    window.clearTimeout(timers.get(box));
    timers.set(box, window.setTimeout(function () { save(box); }, delay));
  }

  form.addEventListener("change", function (event) {
    var box = event.target.closest("fieldset[data-question], fieldset[data-good-practice]");
    if (!box) return;
    if (event.target.type !== "radio" && typeof event.target.checkValidity === "function" && !event.target.checkValidity()) {
      var text = message("error", event.target.validationMessage);
      setStatus(box, text, "error");
      announce(text);
      return;
    }
    schedule(box, event.target.type === "radio" ? 400 : 0);
  });
})();
