import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { createServices } from './app/services.ts';
import { ServicesContext } from './app/services-context.ts';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
const services = createServices(window);
createRoot(root).render(
  <StrictMode>
    <ServicesContext value={services}>
      <App />
    </ServicesContext>
  </StrictMode>,
);
