package io.shikaku.gateway.route;

/** Renders the route table as the Markdown table that the README shows and the OpenAPI description carries. */
public final class RouteTableMarkdown {

    private RouteTableMarkdown() {
    }

    public static String of(RouteTable table) {
        StringBuilder markdown = new StringBuilder()
                .append("| paths | service | roles (any one) | rate-limit group |\n")
                .append("|---|---|---|---|\n");
        for (Route route : table.routes()) {
            markdown.append("| `").append(route.pattern()).append("` | ").append(route.service().displayName())
                    .append(" | ").append(String.join(", ", route.roles())).append(" | ")
                    .append(route.group().configName())
                    .append(" |\n");
        }
        return markdown.toString();
    }
}
