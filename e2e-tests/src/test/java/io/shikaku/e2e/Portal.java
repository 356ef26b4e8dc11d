package io.shikaku.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * The portal in a real browser: Debian's Chromium, headless, driven by Playwright, signing in on the real Keycloak
 * login page. Playwright never fetches a browser of its own ({@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD}); the
 * Chromium is the machine's ({@code SHIKAKU_CHROMIUM}, default {@code /usr/bin/chromium}, which the README's test
 * command installs). Screenshots go to {@code e2e-tests/target/portal-screenshots/}.
 */
final class Portal implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("SHIKAKU_CHROMIUM", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Suite.root().resolve("e2e-tests/target/portal-screenshots");
    /** The flags a closed network needs: no background connections, no updates, no sync, no QUIC. */
    private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage");

    private final Playwright playwright;
    private final Browser browser;

    Portal() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("No Chromium at " + CHROMIUM
                    + ": install Debian's chromium package (bin/shikaku test does) or set SHIKAKU_CHROMIUM");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(FLAGS));
    }

    /** The portal's address on the gateway under test, with {@code route} in its fragment ({@code /me}, say). */
    static String url(String route) {
        return Suite.gatewayUrl() + "/portal/" + (route == null || route.isEmpty() ? "" : "#" + route);
    }

    /**
     * A fresh browser (no cookies, no storage) in which {@code username} signs in with {@code password} on Keycloak's
     * own login page, having asked for {@code route}; returns once the portal shows who is signed in.
     */
    Page signIn(String username, String password, String route) {
        return signIn(username, password, route, 1280, 900);
    }

    Page signIn(String username, String password, String route, int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(width, height).setLocale("ja-JP").setTimezoneId("Asia/Tokyo"));
        context.setDefaultTimeout(30_000);
        Page page = context.newPage();
        List<String> console = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onConsoleMessage(message -> console.add(message.type() + ": " + message.text()));
        page.onPageError(error -> console.add("page error: " + error));
        page.navigate(url(route));
        page.waitForURL(url -> url.startsWith(Keycloak.BASE_URL));
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("#kc-login").click();
        page.waitForURL(url -> url.startsWith(Suite.gatewayUrl() + "/portal/"));
        try {
            page.getByTestId("who").waitFor();
        } catch (com.microsoft.playwright.PlaywrightException notSignedIn) {
            screenshot(page, "sign-in-failed-" + username);
            throw new AssertionError(username + " did not get into the portal at " + page.url() + "; the page says: "
                    + page.locator("body").innerText() + "; console: " + console, notSignedIn);
        }
        return page;
    }

    /** Saves a full-page screenshot as {@code <name>.png} under the build's output folder. */
    static Path screenshot(Page page, String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
