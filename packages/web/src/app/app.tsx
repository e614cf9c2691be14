import { Layout } from "./layout.tsx";
import { AppRoutes } from "./routes.tsx";
import { SessionProvider } from "./session.tsx";

export function App() {
  return (
    <SessionProvider>
      <Layout>
        <AppRoutes />
      </Layout>
    </SessionProvider>
  );
}
