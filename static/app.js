/*
 * Shindan portal: small progressive enhancements.  Every page works
 * without this file; the server checks everything again.
 */
"use strict";
(function () {
	/* Sign-up: the button is usable once the address looks valid and
	 * the terms are accepted. */
	var form = document.getElementById("signup");
	if (form) {
		var email = form.querySelector("input[name=email]");
		var agree = form.querySelector("input[name=agree]");
		var btn = form.querySelector("[data-needs-valid]");
		var re = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
		var update = function () {
			btn.disabled = !(re.test(email.value.trim()) &&
			    agree.checked);
		};
		email.addEventListener("input", update);
		agree.addEventListener("change", update);
		update();
	}
	/* Service choice: Next only for a service in scope. */
	var svc = document.getElementById("services");
	if (svc) {
		var next = svc.querySelector("[data-next]");
		var note = document.getElementById("out-of-scope");
		var sync = function () {
			var c = svc.querySelector("input[name=service]:checked");
			var ok = c && c.value === "m365";
			next.disabled = !ok;
			if (note)
				note.hidden = !c || ok;
		};
		svc.addEventListener("change", sync);
		sync();
	}
	/* Countdowns: the server decides; this only shows the time left. */
	var cd = document.querySelectorAll("[data-countdown]");
	Array.prototype.forEach.call(cd, function (el) {
		var end = Date.now() + 1000 * parseInt(el.getAttribute(
		    "data-countdown"), 10);
		var tick = function () {
			var s = Math.max(0, Math.round((end - Date.now()) / 1000));
			el.textContent = Math.floor(s / 60) + ":" +
			    ("0" + (s % 60)).slice(-2);
			if (s === 0) {
				window.location.reload();
				return;
			}
			window.setTimeout(tick, 1000);
		};
		tick();
	});
})();
