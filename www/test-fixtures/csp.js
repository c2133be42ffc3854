// Test fixture for csp.html (an external script, as the policy requires): marks the page as
// scripted, so the test knows 'self' scripts run under the policy.
'use strict';

document.documentElement.dataset.scripted = 'yes';
