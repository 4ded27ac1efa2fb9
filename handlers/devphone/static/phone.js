// The dev phone: one villager (an openid kept in this browser) chatting through the real webhook.
// Every line shown comes from the WeChat API stand-in's record of this villager's chat, polled every 2 s,
// so replies that arrive later (受理, 答复, 办结, rating prompts, staff answers) appear by themselves.
(function () {
  "use strict";

  var POLL_MS = 2000;
  var KEY = "qingfeng-devphone";
  var phone = document.getElementById("phone");
  var chat = document.getElementById("chat");
  var statusLine = document.getElementById("status");
  var villageLabel = document.getElementById("village");
  var picker = document.getElementById("picker");
  var found = document.getElementById("found");
  var textInput = document.getElementById("text");
  var standin = phone.dataset.standin === "yes";
  var state = load();
  var busy = false;

  function newOpenid() {
    var chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    var bytes = new Uint8Array(27);
    window.crypto.getRandomValues(bytes);
    var id = "o";
    for (var i = 0; i < bytes.length; i++) id += chars[bytes[i] % chars.length];
    return id;
  }

  function load() {
    var saved = null;
    try { saved = JSON.parse(window.localStorage.getItem(KEY) || "null"); } catch (e) { saved = null; }
    if (!saved || typeof saved.openid !== "string") {
      saved = { openid: newOpenid(), followed: false, village: "" };
    }
    return saved;
  }

  function save() {
    window.localStorage.setItem(KEY, JSON.stringify(state));
  }

  function say(message, isError) {
    statusLine.textContent = message || "";
    statusLine.classList.toggle("error", Boolean(isError));
  }

  function bubble(kind, text, seq) {
    var item = document.createElement("li");
    item.className = "line " + kind;
    if (seq) item.dataset.seq = String(seq);
    var tag = { kefu: "客服消息", template: "模板消息" }[kind];
    if (tag) {
      var small = document.createElement("span");
      small.className = "tag";
      small.textContent = tag;
      item.appendChild(small);
    }
    var body = document.createElement("div");
    body.className = "text";
    body.textContent = text;
    item.appendChild(body);
    chat.appendChild(item);
    chat.scrollTop = chat.scrollHeight;
  }

  var lastSeq = 0;
  var polling = false;

  function poll() {
    if (!standin || polling) return Promise.resolve();
    polling = true;
    var url = "/dev/phone/messages?openid=" + encodeURIComponent(state.openid) + "&after=" + lastSeq;
    return fetch(url, { headers: { Accept: "application/json" } })
      .then(function (res) { return res.json(); })
      .then(function (data) {
        (data.lines || []).forEach(function (line) {
          if (line.seq > lastSeq) {
            bubble(line.kind, line.text, line.seq);
            lastSeq = line.seq;
          }
        });
      })
      .catch(function () { say("暂时取不到消息，稍后自动重试。", true); })
      .then(function () { polling = false; });
  }

  function answered(res) {
    return res.json().then(function (data) {
      if (!res.ok) throw new Error(data.error || "发送失败");
      if (!data.logged) {
        bubble("in", data.shown);
        if (data.reply) bubble("reply", data.reply);
      }
      return data;
    });
  }

  function post(url, options) {
    if (busy) return Promise.resolve();
    busy = true;
    say("发送中…");
    options.method = "POST";
    options.headers = Object.assign({ "X-Dev-Phone": "1" }, options.headers || {});
    return fetch(url, options)
      .then(answered)
      .then(function () { say(""); return poll(); })
      .catch(function (err) { say(err.message, true); })
      .then(function () { busy = false; });
  }

  function send(payload) {
    payload.openid = state.openid;
    return post("/dev/phone/send", {
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(payload),
    });
  }

  function scan(scene, name) {
    var follow = !state.followed;
    return send({ type: "scan", scene: scene, follow: follow }).then(function () {
      state.followed = true;
      state.village = name || scene;
      save();
      villageLabel.textContent = state.village;
      picker.classList.add("hidden");
    });
  }

  function search(query) {
    found.textContent = "";
    if (!query) return;
    fetch("/dev/phone/villages?q=" + encodeURIComponent(query))
      .then(function (res) { return res.json(); })
      .then(function (data) {
        if (!data.villages.length) {
          var none = document.createElement("li");
          none.textContent = "没有找到这个村。";
          found.appendChild(none);
        }
        data.villages.forEach(function (v) {
          var item = document.createElement("li");
          var button = document.createElement("button");
          button.type = "button";
          button.className = "village-choice";
          button.dataset.code = v.code;
          button.textContent = v.full_name + "（" + v.code + "）";
          button.addEventListener("click", function () { scan(v.code, v.name); });
          item.appendChild(button);
          found.appendChild(item);
        });
      });
  }

  document.getElementById("find-form").addEventListener("submit", function (event) {
    event.preventDefault();
    search(document.getElementById("find").value.trim());
  });

  document.getElementById("compose").addEventListener("submit", function (event) {
    event.preventDefault();
    var text = textInput.value.trim();
    if (!text) return;
    send({ type: "text", text: text }).then(function () { textInput.value = ""; textInput.focus(); });
  });

  document.getElementById("quick").addEventListener("click", function (event) {
    var target = event.target;
    if (target instanceof HTMLElement && target.dataset.say) send({ type: "text", text: target.dataset.say });
  });

  document.getElementById("photo").addEventListener("change", function (event) {
    var file = event.target.files && event.target.files[0];
    if (!file) return;
    var form = new FormData();
    form.append("openid", state.openid);
    form.append("photo", file);
    post("/dev/phone/photo", { body: form }).then(function () { event.target.value = ""; });
  });

  document.getElementById("locate").addEventListener("click", function () {
    if (!navigator.geolocation) { say("这个浏览器取不到位置。", true); return; }
    say("正在获取位置…");
    navigator.geolocation.getCurrentPosition(
      function (pos) { send({ type: "location", lat: pos.coords.latitude, lng: pos.coords.longitude }); },
      function () { say("没有取到位置（请允许浏览器使用位置）。", true); },
      { timeout: 10000 }
    );
  });

  document.getElementById("pick").addEventListener("click", function () {
    picker.classList.toggle("hidden");
    document.getElementById("find").focus();
  });

  document.getElementById("reset").addEventListener("click", function () {
    state = { openid: newOpenid(), followed: false, village: "" };
    save();
    chat.textContent = "";
    lastSeq = 0;
    villageLabel.textContent = "未选村庄";
    picker.classList.remove("hidden");
    say("已换成一位新村民。");
  });

  save();
  if (state.village) {
    villageLabel.textContent = state.village;
    picker.classList.add("hidden");
  }
  if (!standin) say("没有连接微信接口替身：只显示即时回复。");
  var scene = phone.dataset.scene;
  var ready = poll();
  if (scene) {
    // Scanning a poster once; a reload of the page must not scan it again.
    window.history.replaceState(null, "", "/dev/phone");
    ready.then(function () { scan(scene, phone.dataset.place || scene); });
  }
  window.setInterval(poll, POLL_MS);
})();
