'use strict';
// Builds the report from the JSON data island: every text goes in through textContent, never as HTML.
(function () {
  const data = JSON.parse(document.getElementById('report-data').textContent);
  const main = document.getElementById('report');
  const charts = [];
  const css = (name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  const seriesStyles = [
    { color: '--s1', point: 'circle', dash: [], hatch: 'solid' },
    { color: '--s2', point: 'rect', dash: [6, 3], hatch: 'diagonal' },
    { color: '--s3', point: 'triangle', dash: [2, 2], hatch: 'dots' },
    { color: '--s4', point: 'rectRot', dash: [8, 3, 2, 3], hatch: 'cross' },
  ];
  const thresholdStyles = {
    review: { color: '--warning', dash: [6, 4] },
    pause: { color: '--atrisk', dash: [2, 3] },
  };
  const statusMarks = { Healthy: '\u2713 Healthy', Warning: '! Warning', AtRisk: '\u2715 At risk', LowVolume: '~ Low volume', NoSends: '\u2013 No sends' };

  const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
  const percent = (value, digits) => value === null || value === undefined ? '\u2013'
    : (value * 100).toLocaleString(undefined, { minimumFractionDigits: digits, maximumFractionDigits: digits }) + '%';
  const formats = {
    int: (v) => v === null || v === undefined ? '\u2013' : integer.format(v),
    rate: (v) => percent(v, 2),
    fine: (v) => percent(v, 3),
    points: (v) => v === null || v === undefined ? '\u2013' : (v > 0 ? '+' : '') + percent(v, 2).replace('%', ' pt'),
    finePoints: (v) => v === null || v === undefined ? '\u2013' : (v > 0 ? '+' : '') + percent(v, 3).replace('%', ' pt'),
    seconds: (v) => v === null || v === undefined ? '\u2013' : (v / 1000).toLocaleString(undefined, { minimumFractionDigits: 3, maximumFractionDigits: 3 }) + ' s',
    text: (v) => v === null || v === undefined ? '' : String(v),
    status: (v) => statusMarks[v] || v,
  };

  function element(tag, properties, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(properties || {})) {
      if (key === 'text') node.textContent = value;
      else if (key === 'className') node.className = value;
      else node.setAttribute(key, value);
    }
    for (const child of children) if (child) node.append(child);
    return node;
  }

  function section(id, title) {
    const node = element('section', { id, 'aria-labelledby': id + '-title' }, element('h2', { id: id + '-title', text: title }));
    main.append(node);
    document.getElementById('toc').append(element('li', {}, element('a', { href: '#' + id, text: title })));
    return node;
  }

  // A table whose cells carry the exact value in data-value (the page's test reads those) and show it formatted.
  function table(name, caption, columns, rows, attributes) {
    const head = element('tr', {}, ...columns.map((c) => element('th', { scope: 'col', 'data-key': c.key, text: c.label })));
    const body = element('tbody');
    for (const row of rows) {
      const tr = element('tr');
      columns.forEach((c, index) => {
        const value = row[c.key];
        const kind = c.kind || 'int';
        const cell = element(index === 0 ? 'th' : 'td', {
          'data-value': value === null || value === undefined ? '' : String(value),
          className: (kind === 'text' || kind === 'status' ? 'text' : '') + (kind === 'status' ? ' status status-' + value : ''),
          text: formats[kind](value),
        });
        if (index === 0) cell.setAttribute('scope', 'row');
        tr.append(cell);
      });
      body.append(tr);
    }
    const node = element('table', Object.assign({ 'data-table': name }, attributes || {}),
      element('caption', { text: caption }), element('thead', {}, head), body);
    return element('div', { className: 'scroll' }, node);
  }

  function hatch(kind, color) {
    if (kind === 'solid') return color;
    const tile = document.createElement('canvas');
    tile.width = tile.height = 8;
    const context = tile.getContext('2d');
    context.fillStyle = color;
    context.globalAlpha = 0.35;
    context.fillRect(0, 0, 8, 8);
    context.globalAlpha = 1;
    context.strokeStyle = color;
    context.lineWidth = 2;
    context.beginPath();
    if (kind === 'diagonal') { context.moveTo(0, 8); context.lineTo(8, 0); }
    if (kind === 'cross') { context.moveTo(0, 4); context.lineTo(8, 4); context.moveTo(4, 0); context.lineTo(4, 8); }
    context.stroke();
    if (kind === 'dots') { context.fillRect(2, 2, 3, 3); }
    return context.createPattern(tile, 'repeat');
  }

  // Colours come from the page's CSS variables, so they follow the light, dark and print schemes.
  function styled(spec) {
    return spec.datasets.map((set, index) => {
      if (set.threshold) {
        const style = thresholdStyles[set.threshold];
        return Object.assign({}, set, { type: 'line', borderColor: css(style.color), backgroundColor: css(style.color),
          borderDash: style.dash, borderWidth: 2, pointRadius: 0, pointStyle: 'line', fill: false });
      }
      const style = seriesStyles[index % seriesStyles.length];
      const color = css(style.color);
      return spec.type === 'line'
        ? Object.assign({}, set, { borderColor: color, backgroundColor: color, borderDash: style.dash, pointStyle: style.point,
          pointRadius: 3, borderWidth: 2, spanGaps: false })
        : Object.assign({}, set, { borderColor: color, backgroundColor: hatch(style.hatch, color), borderWidth: 1 });
    });
  }

  function options(spec) {
    const fg = css('--fg'), grid = css('--grid');
    const axis = (title, extra) => Object.assign({ title: { display: true, text: title, color: fg }, ticks: { color: fg }, grid: { color: grid } }, extra);
    const valueFormat = spec.unit === '%' ? { callback: (v) => (v * 100).toLocaleString(undefined, { maximumFractionDigits: 3 }) + '%' } : {};
    const valueAxis = axis(spec.yTitle, { beginAtZero: true, ticks: Object.assign({ color: fg }, valueFormat) });
    const categoryAxis = axis(spec.xTitle, {});
    const horizontal = spec.horizontal === true;
    return {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: horizontal ? 'y' : 'x',
      plugins: {
        title: { display: true, text: spec.title, color: fg },
        legend: { display: spec.datasets.length > 1, labels: { color: fg, usePointStyle: true } },
        tooltip: { callbacks: spec.unit === '%' ? { label: (c) => c.dataset.label + ': ' + percent(c.parsed[horizontal ? 'x' : 'y'], 3) } : {} },
      },
      scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
    };
  }

  function chart(parent, spec) {
    const canvas = element('canvas', { 'data-chart': spec.id, 'data-series': String(spec.datasets.length), role: 'img',
      'aria-label': spec.title + ': the table below holds its numbers' });
    parent.append(element('figure', {}, element('div', { className: spec.tall ? 'chart tall' : 'chart' }, canvas)));
    const instance = new Chart(canvas, { type: spec.type, data: { labels: spec.labels, datasets: styled(spec) }, options: options(spec) });
    charts.push({ instance, spec });
  }

  function restyle() {
    for (const { instance, spec } of charts) {
      instance.data.datasets = styled(spec);
      instance.options = options(spec);
      instance.update('none');
    }
  }

  const days = [];
  for (let day = new Date(data.from + 'T00:00:00Z'); day <= new Date(data.to + 'T00:00:00Z'); day.setUTCDate(day.getUTCDate() + 1)) {
    days.push(day.toISOString().slice(0, 10));
  }
  const t = data.thresholds;

  function header() {
    const meta = document.getElementById('meta');
    const add = (term, value) => meta.append(element('dt', { text: term }), element('dd', { text: value }));
    add('Period', data.from + ' to ' + data.to + ' (UTC, ' + days.length + (days.length === 1 ? ' day)' : ' days)'));
    add(data.source.kind, data.source.name);
    if (data.source.accounts.length > 0) add(data.source.accounts.length === 1 ? 'Account' : 'Accounts', data.source.accounts.join(', '));
    if (data.source.region) add('Region', data.source.region);
    add('Generated', data.generatedAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, '') + ' UTC');
    document.title = 'SES event report ' + data.from + ' to ' + data.to;
  }

  function overview() {
    const node = section('identities', 'Identities and their status');
    node.append(element('p', { className: 'note', text: 'Rates count recipients, as SES does: hard-bounced or complaining recipients over recipients sent to. '
      + 'SES places an account under review at a bounce rate of ' + percent(t.bounceReview, 0) + ' or a complaint rate of ' + percent(t.complaintReview, 1)
      + ', and may pause its sending at ' + percent(t.bouncePause, 0) + ' or ' + percent(t.complaintPause, 1) + '. '
      + 'A bounce rate is judged from ' + integer.format(t.minimumBounceVolume) + ' recipients and a complaint rate from '
      + integer.format(t.minimumComplaintVolume) + ', as Get-SesEventSummary does: an identity with a rate too small to judge reads Low volume, '
      + 'unless a rate that can be judged is at Warning or worse.' }));
    node.append(table('identities', 'Each identity over the period', [
      { key: 'identity', label: 'Identity', kind: 'text' }, { key: 'sent', label: 'Sent' }, { key: 'recipients', label: 'Recipients' },
      { key: 'delivered', label: 'Delivered' }, { key: 'bounced', label: 'Bounced' }, { key: 'hardBouncedRecipients', label: 'Hard-bounced recipients' },
      { key: 'complained', label: 'Complaints' }, { key: 'bounceRate', label: 'Bounce rate', kind: 'rate' },
      { key: 'complaintRate', label: 'Complaint rate', kind: 'fine' }, { key: 'status', label: 'Status', kind: 'status' },
    ], data.identities));
    if (data.identities.length === 0) node.append(element('p', { text: 'No events in this period.' }));
  }

  function daily() {
    const node = section('daily', 'Day by day');
    const more = data.identities.length - data.daily.length;
    if (more > 0) node.append(element('p', { className: 'note', text: 'The ' + data.daily.length + ' identities with the most recipients are drawn; '
      + more + ' more are in the table above.' }));
    data.daily.forEach((identity, index) => {
      node.append(element('h3', { text: identity.identity }));
      const byDay = new Map(identity.days.map((d) => [d.day, d]));
      const series = (key, zero) => days.map((d) => byDay.has(d) ? byDay.get(d)[key] : zero);
      const grid = element('div', { className: 'charts' });
      node.append(grid);
      const id = 'daily-' + index;
      chart(grid, { id: id + '-volume', type: 'line', title: identity.identity + ': daily volume', xTitle: 'Day (UTC)', yTitle: 'Messages per day', labels: days,
        datasets: [{ label: 'Sent', data: series('sent', 0) }, { label: 'Delivered', data: series('delivered', 0) },
          { label: 'Bounced', data: series('bounced', 0) }, { label: 'Complaints', data: series('complained', 0) }] });
      chart(grid, { id: id + '-bounce-rate', type: 'line', unit: '%', title: identity.identity + ': bounce rate', xTitle: 'Day (UTC)', yTitle: 'Bounce rate (%)', labels: days,
        datasets: [{ label: 'Bounce rate', data: series('bounceRate', null) },
          { label: 'Review ' + percent(t.bounceReview, 0), threshold: 'review', data: days.map(() => t.bounceReview) },
          { label: 'Pause ' + percent(t.bouncePause, 0), threshold: 'pause', data: days.map(() => t.bouncePause) }] });
      chart(grid, { id: id + '-complaint-rate', type: 'line', unit: '%', title: identity.identity + ': complaint rate', xTitle: 'Day (UTC)', yTitle: 'Complaint rate (%)', labels: days,
        datasets: [{ label: 'Complaint rate', data: series('complaintRate', null) },
          { label: 'Review ' + percent(t.complaintReview, 1), threshold: 'review', data: days.map(() => t.complaintReview) },
          { label: 'Pause ' + percent(t.complaintPause, 1), threshold: 'pause', data: days.map(() => t.complaintPause) }] });
      node.append(table('daily', identity.identity + ' day by day', [
        { key: 'day', label: 'Day', kind: 'text' }, { key: 'sent', label: 'Sent' }, { key: 'recipients', label: 'Recipients' },
        { key: 'delivered', label: 'Delivered' }, { key: 'bounced', label: 'Bounced' }, { key: 'hardBouncedRecipients', label: 'Hard-bounced recipients' },
        { key: 'complained', label: 'Complaints' }, { key: 'bounceRate', label: 'Bounce rate', kind: 'rate' },
        { key: 'complaintRate', label: 'Complaint rate', kind: 'fine' }, { key: 'status', label: 'Status', kind: 'status' },
      ], identity.days, { 'data-identity': identity.identity }));
    });
  }

  function eventMix() {
    const node = section('event-mix', 'Event types');
    chart(node, { id: 'event-mix', type: 'bar', title: 'Events by type, all identities', xTitle: 'Event type', yTitle: 'Events', labels: data.eventMix.map((e) => e.eventType),
      datasets: [{ label: 'Events', data: data.eventMix.map((e) => e.events) }] });
    node.append(table('event-mix', 'Events by type', [
      { key: 'eventType', label: 'Event type', kind: 'text' }, { key: 'events', label: 'Events' }, { key: 'share', label: 'Share', kind: 'rate' },
    ], data.eventMix));
  }

  function bounces() {
    const node = section('bounces', 'Bounces');
    if (data.bounceKinds.length === 0) {
      node.append(element('p', { text: 'No bounces in this period.' }));
      return;
    }
    chart(node, { id: 'bounce-kinds', type: 'bar', horizontal: true, tall: true, title: 'Bounced recipients by type and subtype', xTitle: 'Type / subtype',
      yTitle: 'Bounced recipients', labels: data.bounceKinds.map((k) => k.bounceType + ' / ' + k.bounceSubType),
      datasets: [{ label: 'Bounced recipients', data: data.bounceKinds.map((k) => k.recipients) }] });
    node.append(table('bounce-kinds', 'Bounced recipients by type and subtype', [
      { key: 'bounceType', label: 'Type', kind: 'text' }, { key: 'bounceSubType', label: 'Subtype', kind: 'text' },
      { key: 'recipients', label: 'Recipients' }, { key: 'share', label: 'Share', kind: 'rate' },
    ], data.bounceKinds));
    node.append(table('diagnostic-codes', 'The most frequent reasons: diagnostic codes normalised as Get-SesFailureSummary does', [
      { key: 'reason', label: 'Reason', kind: 'text' }, { key: 'identity', label: 'Identity', kind: 'text' },
      { key: 'bounceType', label: 'Type', kind: 'text' }, { key: 'bounceSubType', label: 'Subtype', kind: 'text' },
      { key: 'status', label: 'Status', kind: 'text' }, { key: 'recipients', label: 'Recipients' }, { key: 'share', label: 'Share', kind: 'rate' },
      { key: 'recipientDomains', label: 'Top recipient domains', kind: 'text' },
    ], data.diagnosticCodes));
    if (data.hardBounceDomains.length === 0) return;
    node.append(element('h3', { text: 'Recipient domains with the most hard bounces' }));
    chart(node, { id: 'hard-bounce-domains', type: 'bar', horizontal: true, tall: true, title: 'Hard-bounced recipients by recipient domain', xTitle: 'Recipient domain',
      yTitle: 'Hard-bounced recipients', labels: data.hardBounceDomains.map((d) => d.domain),
      datasets: [{ label: 'Hard-bounced recipients', data: data.hardBounceDomains.map((d) => d.recipients) }] });
    node.append(table('hard-bounce-domains', 'Hard-bounced recipients by recipient domain', [
      { key: 'domain', label: 'Domain', kind: 'text' }, { key: 'recipients', label: 'Recipients' }, { key: 'share', label: 'Share of hard bounces', kind: 'rate' },
    ], data.hardBounceDomains));
  }

  function engagement() {
    const node = section('engagement', 'Engagement');
    node.append(element('p', { className: 'note', text: 'As Get-SesEngagement counts: open and click rates are recipients who opened or clicked '
      + 'at least once over recipients delivered to; click-to-open is clicked over opened. An open within seconds of its delivery is a '
      + 'privacy proxy fetching the images, not a person: those are counted apart as proxy opens. Opens are seen only where open tracking is on.' }));
    const columns = (first) => [
      { key: 'name', label: first, kind: 'text' }, { key: 'deliveredRecipients', label: 'Delivered' }, { key: 'openedRecipients', label: 'Opened' },
      { key: 'clickedRecipients', label: 'Clicked' }, { key: 'proxyOpens', label: 'Proxy opens' }, { key: 'openRate', label: 'Open rate', kind: 'rate' },
      { key: 'clickRate', label: 'Click rate', kind: 'rate' }, { key: 'clickToOpenRate', label: 'Click-to-open', kind: 'rate' },
    ];
    const rates = (rows, id, title, xTitle) => chart(node, { id, type: 'bar', unit: '%', title, xTitle, yTitle: 'Rate (%)', labels: rows.map((r) => r.name),
      datasets: [{ label: 'Open rate', data: rows.map((r) => r.openRate) }, { label: 'Click rate', data: rows.map((r) => r.clickRate) },
        { label: 'Click-to-open', data: rows.map((r) => r.clickToOpenRate) }] });
    const e = data.engagement;
    node.append(element('h3', { text: 'Per campaign (mail tag ' + e.campaignTag + ')' }));
    if (!e.byTag.some((r) => r.name.startsWith(e.campaignTag + '='))) {
      node.append(element('p', { text: 'No delivered message of this period carries the mail tag ' + e.campaignTag + '; choose another with -CampaignTag.' }));
    } else {
      rates(e.byTag, 'engagement-tag', 'Engagement per campaign', 'Campaign (' + e.campaignTag + '=value)');
      node.append(table('engagement-tag', 'Engagement per campaign', columns('Campaign'), e.byTag));
    }
    if (e.byIdentity.length === 0) return;
    node.append(element('h3', { text: 'Per identity' }));
    rates(e.byIdentity, 'engagement-identity', 'Engagement per identity', 'Identity');
    node.append(table('engagement-identity', 'Engagement per identity', columns('Identity'), e.byIdentity));
  }

  function deliveryTimes() {
    const node = section('delivery-times', 'Delivery times');
    if (data.deliveryTimes.length === 0) {
      node.append(element('p', { text: 'No deliveries in this period.' }));
      return;
    }
    node.append(element('p', { className: 'note', text: 'As Get-SesDeliveryTime measures: the time SES took from accepting a message to its delivery (processingTimeMillis), as nearest-rank percentiles.' }));
    const seconds = (v) => v === null ? null : v / 1000;
    chart(node, { id: 'delivery-times', type: 'bar', title: 'Delivery time percentiles per identity', xTitle: 'Identity', yTitle: 'Delivery time (seconds)',
      labels: data.deliveryTimes.map((d) => d.identity),
      datasets: [{ label: '50th percentile', data: data.deliveryTimes.map((d) => seconds(d.p50)) },
        { label: '90th percentile', data: data.deliveryTimes.map((d) => seconds(d.p90)) },
        { label: '99th percentile', data: data.deliveryTimes.map((d) => seconds(d.p99)) }] });
    node.append(table('delivery-times', 'Delivery time percentiles per identity', [
      { key: 'identity', label: 'Identity', kind: 'text' }, { key: 'deliveries', label: 'Deliveries' }, { key: 'p50', label: 'p50', kind: 'seconds' },
      { key: 'p90', label: 'p90', kind: 'seconds' }, { key: 'p99', label: 'p99', kind: 'seconds' }, { key: 'max', label: 'Max', kind: 'seconds' },
    ], data.deliveryTimes));
  }

  function previousPeriod() {
    const p = data.previousPeriod;
    const node = section('previous-period', 'Against the previous period');
    node.append(element('p', { className: 'note', text: 'This period against ' + p.from + ' to ' + p.to + ', the same number of days just before it.' }));
    if (p.identities.length === 0) return;
    chart(node, { id: 'previous-period', type: 'bar', title: 'Recipients sent to, this period and the previous one', xTitle: 'Identity', yTitle: 'Recipients',
      labels: p.identities.map((i) => i.identity),
      datasets: [{ label: 'This period', data: p.identities.map((i) => i.sentRecipients) },
        { label: 'Previous period', data: p.identities.map((i) => i.previousSentRecipients) }] });
    node.append(table('previous-period', 'This period against the previous one (Get-SesEventSummary -Total -Compare)', [
      { key: 'identity', label: 'Identity', kind: 'text' }, { key: 'sentRecipients', label: 'Recipients' },
      { key: 'previousSentRecipients', label: 'Before' }, { key: 'bounceRate', label: 'Bounce rate', kind: 'rate' },
      { key: 'previousBounceRate', label: 'Before', kind: 'rate' }, { key: 'bounceRateChange', label: 'Change', kind: 'points' },
      { key: 'complaintRate', label: 'Complaint rate', kind: 'fine' }, { key: 'previousComplaintRate', label: 'Before', kind: 'fine' },
      { key: 'complaintRateChange', label: 'Change', kind: 'finePoints' }, { key: 'status', label: 'Status', kind: 'status' },
      { key: 'previousStatus', label: 'Before', kind: 'status' },
    ], p.identities));
  }

  main.textContent = '';
  header();
  overview();
  daily();
  eventMix();
  bounces();
  engagement();
  deliveryTimes();
  previousPeriod();

  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', restyle);
  window.addEventListener('beforeprint', () => {
    document.documentElement.classList.add('printing');
    restyle();
    for (const { instance } of charts) instance.resize();
  });
  window.addEventListener('afterprint', () => {
    document.documentElement.classList.remove('printing');
    restyle();
    for (const { instance } of charts) instance.resize();
  });
  document.documentElement.setAttribute('data-report-ready', String(charts.length));
})();
