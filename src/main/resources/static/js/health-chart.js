// Draws the account page's check history (outcomes per day) from the canvas's data-chart attribute.
document.addEventListener('DOMContentLoaded', () => {
  const canvas = document.getElementById('health-chart');
  if (!canvas || !window.Chart) {
    return;
  }
  const data = JSON.parse(canvas.dataset.chart);
  const colours = {
    VALID: '#198754', EXPIRED: '#dc3545', UNREACHABLE: '#6c757d', RATE_LIMITED: '#ffc107',
    FUNDING_SOURCE_INVALID: '#fd7e14', PERMISSION_MISSING: '#6f42c1', MISCONFIGURED: '#0dcaf0', REFUSED: '#adb5bd',
    UNRECOGNISED: '#b8860b'
  };
  const datasets = Object.keys(data.series).map((outcome) => ({
    label: outcome.replaceAll('_', ' ').toLowerCase(),
    data: data.series[outcome],
    backgroundColor: colours[outcome] || '#999'
  }));
  new window.Chart(canvas, {
    type: 'bar',
    data: { labels: data.days.map((d) => d.slice(5)), datasets },
    options: { animation: false, maintainAspectRatio: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } }
  });
});
