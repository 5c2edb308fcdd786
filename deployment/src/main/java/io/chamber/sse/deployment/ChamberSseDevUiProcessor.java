package io.chamber.sse.deployment;

import io.chamber.sse.runtime.http.ParameterForm;
import io.quarkus.deployment.IsDevelopment;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.devui.spi.page.CardPageBuildItem;
import io.quarkus.devui.spi.page.Page;
import io.quarkus.vertx.http.deployment.HttpRootPathBuildItem;

/**
 * The Dev UI card, which says where the app serves the stream, and its page that plays the live stream with any
 * parameters and shows the equivalent curl. The page's form is the parameter catalog's.
 */
class ChamberSseDevUiProcessor {

    @BuildStep(onlyIf = { IsDevelopment.class, EndpointEnabled.class })
    CardPageBuildItem card(ChamberSseBuildTimeConfig config, HttpRootPathBuildItem httpRoot) {
        String path = Paths.served(config.path(), httpRoot);
        CardPageBuildItem card = new CardPageBuildItem();
        card.setCustomCard("qwc-chamber-sse-card.js");
        card.addBuildTimeData("ssePath", path);
        card.addBuildTimeData("parameterForm", ParameterForm.of(BuildTimeCatalog.get()));
        card.addPage(Page.webComponentPageBuilder()
                .title("Live stream")
                .icon("font-awesome-solid:tower-broadcast")
                .componentLink("qwc-chamber-sse-stream.js")
                .staticLabel(path));
        return card;
    }
}
