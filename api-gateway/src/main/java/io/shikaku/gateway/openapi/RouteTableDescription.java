package io.shikaku.gateway.openapi;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.info.Info;

import io.shikaku.gateway.route.RouteTableMarkdown;
import io.shikaku.gateway.route.ShikakuRoutes;

/** Writes the route table into the OpenAPI description from {@link ShikakuRoutes}, so it is never copied by hand. */
public class RouteTableDescription implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Info info = openAPI.getInfo();
        if (info != null) {
            String description = info.getDescription() == null ? "" : info.getDescription().stripTrailing();
            info.setDescription(
                    description + "\n\nRoutes (first match wins, `*` = one segment, trailing `**` = the rest):\n\n"
                            + RouteTableMarkdown.of(ShikakuRoutes.table()));
        }
    }
}
