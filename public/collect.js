// Locod-AI site analytics: <script defer src="https://PORTAL/collect.js" data-domain="example.fr"></script>
// Page views (also on history.pushState), goals with locod("Name"), and LCP, INP and CLS sent once when the
// page is hidden. No cookie, no storage; events go with navigator.sendBeacon (fetch keepalive otherwise).
// The portal serves this file without its // comment lines.
!function(w,d,n){var s=d.currentScript,e=new URL("/collect",s&&s.src||location.href).href,m=s&&s.dataset.domain,v={},h=history,p=h.pushState;
function t(o){o.url=location.href;if(m)o.domain=m;var b=JSON.stringify(o);n.sendBeacon&&n.sendBeacon(e,b)||fetch(e,{method:"POST",body:b,keepalive:!0,credentials:"omit"})}
function g(){t({type:"pageview",referrer:d.referrer||null})}
function o(y,f){try{new PerformanceObserver(function(l){l.getEntries().forEach(f)}).observe({type:y,buffered:!0,durationThreshold:40})}catch(x){}}
o("largest-contentful-paint",function(x){v.LCP=x.startTime});
o("layout-shift",function(x){x.hadRecentInput||(v.CLS=(v.CLS||0)+x.value)});
o("event",function(x){x.interactionId&&(v.INP=Math.max(v.INP||0,x.duration))});
d.addEventListener("visibilitychange",function(){if(d.visibilityState=="hidden"){for(var k in v)t({type:"vital",metric:k,value:Math.round(k=="CLS"?v[k]*1e4:v[k])/(k=="CLS"?1e4:1)});v={}}});
h.pushState=function(){p.apply(h,arguments);g()};w.addEventListener("popstate",g);
w.locod=function(x){t({type:"goal",goal:String(x)})};g()}(window,document,navigator);
