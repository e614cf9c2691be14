import { LanguageProvider } from "./language.tsx";
import { Layout } from "./layout.tsx";
import { AppRoutes } from "./routes.tsx";
import { SessionProvider } from "./session.tsx";

export function App() {
  return (
    <SessionProvider>
      <LanguageProvider>
        <Layout>
          <AppRoutes />
        </Layout>
      </LanguageProvider>
    </SessionProvider>
  );
}
