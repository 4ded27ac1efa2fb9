// Our own small improvements to the report form; everything works without them.
(function () {
  "use strict";
  var button = document.getElementById("locate");
  var status = document.getElementById("loc-status");
  if (button && navigator.geolocation) {
    button.hidden = false;
    button.addEventListener("click", function () {
      // Asked only after the villager presses the button (consent); WGS-84 as the browser gives it.
      status.textContent = "正在获取位置……";
      navigator.geolocation.getCurrentPosition(function (pos) {
        document.getElementById("lat").value = pos.coords.latitude.toFixed(6);
        document.getElementById("lng").value = pos.coords.longitude.toFixed(6);
        document.getElementById("accuracy").value = Math.round(pos.coords.accuracy);
        status.textContent = "已获取位置（精度约 " + Math.round(pos.coords.accuracy) + " 米）。";
      }, function () {
        status.textContent = "没有获取到位置，不提供位置也可以提交。";
      }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
    });
  }
  var input = document.getElementById("photos");
  var previews = document.getElementById("previews");
  if (input && previews && window.URL && URL.createObjectURL) {
    input.addEventListener("change", function () {
      previews.textContent = "";
      Array.prototype.slice.call(input.files, 0, 9).forEach(function (file) {
        if (!/^image\//.test(file.type)) { return; }
        var img = document.createElement("img");
        img.alt = file.name;
        img.src = URL.createObjectURL(file);
        previews.appendChild(img);
      });
    });
  }
})();
