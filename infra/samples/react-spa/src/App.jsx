import React, { useEffect, useState } from 'react';

// A client-side router in a few lines: /about exists only in the browser, so the server must fall back to index.html.
const pages = {
  '/': () => <p>hello from react-spa</p>,
  '/about': () => <p>react-spa: a page that only the client-side router knows</p>,
};

export default function App() {
  const [path, setPath] = useState(window.location.pathname);
  useEffect(() => {
    const onPop = () => setPath(window.location.pathname);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const go = (to) => (event) => {
    event.preventDefault();
    window.history.pushState(null, '', to);
    setPath(to);
  };
  const Page = pages[path] || (() => <p>react-spa: no page at {path}</p>);
  return (
    <main>
      <nav>
        <a href="/" onClick={go('/')}>home</a> | <a href="/about" onClick={go('/about')}>about</a>
      </nav>
      <Page />
    </main>
  );
}
