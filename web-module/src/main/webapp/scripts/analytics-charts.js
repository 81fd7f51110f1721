// Draws the analytics page's charts with ECharts from the chart-shaped JSON the page embeds
// (the same document GET /api/v1/conversations/{id}/analytics serves).
(function () {
  var data = JSON.parse(document.getElementById('analytics-data').textContent);
  if (!data) { return; }
  document.getElementById('computed').textContent = data.computedAt
    ? 'Computed ' + data.computedAt + ' · ' + data.totals.messages + ' messages, ' + data.totals.words + ' words, '
      + data.totals.emoji + ' emoji, ' + data.totals.media + ' media · ' + data.sessions.count + ' sessions'
    : 'Not computed yet: the analytics job runs every 15 minutes (or POST /api/v1/admin/jobs/analytics).';

  function chart(id, option) {
    var el = document.getElementById(id);
    var c = echarts.init(el);
    c.setOption(Object.assign({ tooltip: {}, grid: { containLabel: true, left: 8, right: 8, bottom: 8 } }, option));
    window.addEventListener('resize', function () { c.resize(); });
  }
  function lines(block, type) {
    return block.series.map(function (s) { return { name: s.name, type: type, data: s.data, connectNulls: true }; });
  }

  chart('chart-activity', {
    legend: { type: 'scroll' }, tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: data.activity.labels }, yAxis: { type: 'value' },
    dataZoom: [{ type: 'inside' }], series: lines(data.activity, 'line')
  });

  var cells = [], max = 0;
  data.heatmap.data.forEach(function (row, d) {
    row.forEach(function (v, h) { cells.push([h, d, v]); max = Math.max(max, v); });
  });
  chart('chart-heatmap', {
    xAxis: { type: 'category', data: data.heatmap.columns }, yAxis: { type: 'category', data: data.heatmap.rows },
    visualMap: { min: 0, max: Math.max(1, max), orient: 'horizontal', left: 'center', bottom: 0, calculable: true },
    grid: { containLabel: true, bottom: 60 }, series: [{ type: 'heatmap', data: cells }]
  });

  chart('chart-participants', {
    legend: {}, tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: data.participants.labels, axisLabel: { rotate: 30 } }, yAxis: { type: 'value' },
    series: lines({ series: data.participants.series.filter(function (s) { return s.name === 'messages' || s.name === 'words'; }) }, 'bar')
  });

  var r = data.responseTimes, rcells = [], rmax = 0;
  r.averageSeconds.forEach(function (row, i) {
    row.forEach(function (v, j) { if (v !== null) { var m = Math.round(v / 6) / 10; rcells.push([j, i, m]); rmax = Math.max(rmax, m); } });
  });
  chart('chart-responses', {
    xAxis: { type: 'category', data: r.labels, axisLabel: { rotate: 30 } }, yAxis: { type: 'category', data: r.labels },
    visualMap: { min: 0, max: Math.max(1, rmax), orient: 'horizontal', left: 'center', bottom: 0, calculable: true },
    grid: { containLabel: true, bottom: 60 }, series: [{ type: 'heatmap', data: rcells, label: { show: true } }]
  });

  chart('chart-initiators', {
    xAxis: { type: 'category', data: data.sessions.initiators.labels, axisLabel: { rotate: 30 } }, yAxis: { type: 'value' },
    series: lines(data.sessions.initiators, 'bar')
  });
  chart('chart-sentiment', {
    tooltip: { trigger: 'axis' }, xAxis: { type: 'category', data: data.sentiment.labels },
    yAxis: { type: 'value', min: -1, max: 1 }, series: lines(data.sentiment, 'line')
  });
  chart('chart-keywords', {
    xAxis: { type: 'value' }, yAxis: { type: 'category', data: data.keywords.labels.slice(0, 15).reverse() },
    series: [{ type: 'bar', data: data.keywords.series[0].data.slice(0, 15).reverse() }]
  });
  chart('chart-media', {
    tooltip: { trigger: 'item' }, legend: { type: 'scroll' },
    series: [{ type: 'pie', radius: '60%', data: data.media.labels.map(function (l, i) { return { name: l, value: data.media.series[0].data[i] }; }) }]
  });
})();
