/* retold form: an example to try, and a busy state while the server compares. */
(function () {
  "use strict";
  var ORIGINAL = [
    "Flood Forces Evacuations in Riverton",
    "",
    "Valley Herald | Ana Ruiz | March 14, 2024",
    "",
    "About 1,200 residents of Riverton were evacuated on Tuesday after the Mill River burst its banks, the mayor, Tom Okafor, said.",
    "",
    "\"We have never seen the water rise this fast,\" Okafor told reporters. The city opened two shelters at local schools.",
    "",
    "Forecasters expect the river to peak on Thursday at 6.2 metres, the highest level since 1998."
  ].join("\n");
  var RETELLING = [
    "More than 2,000 residents of Riverton were evacuated on Monday after the Mill River burst its banks, the mayor, Tom Okafur, said.",
    "",
    "\"We have never seen water rise so quickly,\" Okafur told reporters. The city opened two shelters at local schools.",
    "",
    "Forecasters expect the river to peak on Thursday at 6.2 metres, the highest level since 1989. Officials blamed poor maintenance of the levees."
  ].join("\n");
  var button = document.getElementById("fill-example");
  if (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      document.getElementById("original_text").value = ORIGINAL;
      document.getElementById("retelling_text").value = RETELLING;
      document.getElementById("original_published").value = "2024-03-14";
      document.getElementById("original_text").focus();
    });
  }
  var form = document.getElementById("compare-form");
  var submit = document.getElementById("submit");
  if (form && submit) {
    form.addEventListener("submit", function () {
      submit.disabled = true;
      submit.textContent = "Comparing\u2026";
      window.setTimeout(function () { submit.disabled = false; submit.textContent = "Compare"; }, 30000);
    });
    window.addEventListener("pageshow", function () { submit.disabled = false; submit.textContent = "Compare"; });
  }
})();
