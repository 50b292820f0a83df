// Passkeys (issue #20): the browser's WebAuthn ceremonies for the buttons marked data-passkey:
// "register" adds one, "factor" gives one as the second factor, "sign-in" signs in without a password.
// The server answers the options as JSON the browser parses itself, and a result {next} or {problem}.
(function () {
  "use strict";
  var urls = {
    register: ["/second-factor/passkey/register-options", "/second-factor/passkey/register"],
    factor: ["/second-factor/passkey/options", "/second-factor/passkey"],
    "sign-in": ["/sign-in/passkey/options", "/sign-in/passkey"]
  };

  function csrf() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : "";
  }

  function post(url, body) {
    return fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRF-Token": csrf()},
      body: body === undefined ? "{}" : body
    }).then(function (answer) {
      return answer.json().catch(function () { return {problem: "Sitedeck answered " + answer.status + "."}; })
        .then(function (json) {
          if (!answer.ok && !json.problem) { json.problem = "Sitedeck answered " + answer.status + "."; }
          return json;
        });
    });
  }

  function show(button, text) {
    var problem = button.closest("article, div, form").querySelector("[data-passkey-problem]")
      || document.querySelector("[data-passkey-problem]");
    if (problem) { problem.textContent = text; problem.hidden = false; }
  }

  function run(button) {
    var kind = button.getAttribute("data-passkey");
    if (!window.PublicKeyCredential || !PublicKeyCredential.parseCreationOptionsFromJSON) {
      show(button, "This browser cannot use passkeys.");
      return;
    }
    button.disabled = true;
    post(urls[kind][0]).then(function (options) {
      if (options.problem) { throw new Error(options.problem); }
      return kind === "register"
        ? navigator.credentials.create({publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options)})
        : navigator.credentials.get({publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options)});
    }).then(function (credential) {
      var url = urls[kind][1];
      if (kind === "register") {
        var name = document.querySelector("[data-passkey-name]");
        url += "?name=" + encodeURIComponent(name ? name.value : "");
      }
      return post(url, JSON.stringify(credential.toJSON()));
    }).then(function (result) {
      if (result.problem) { throw new Error(result.problem); }
      window.location.assign(result.next || "/");
    }).catch(function (failure) {
      button.disabled = false;
      show(button, failure && failure.name === "NotAllowedError"
        ? "The passkey request was cancelled or timed out." : (failure && failure.message) || "The passkey did not work.");
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-passkey]");
    if (button) { event.preventDefault(); run(button); }
  });
})();
