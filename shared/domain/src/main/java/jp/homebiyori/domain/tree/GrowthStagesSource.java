package jp.homebiyori.domain.tree;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.common.config.ParameterStore;
import jp.homebiyori.common.config.Parameters;

import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;

/**
 * The growth thresholds from the {@code tree/growth_thresholds} parameter (a JSON array of five
 * increasing numbers). Absent or malformed → the defaults, with a warning, never an error for users.
 */
@ApplicationScoped
public class GrowthStagesSource {

    private static final Logger LOG = Logger.getLogger(GrowthStagesSource.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ParameterStore parameters;

    @Inject
    public GrowthStagesSource(ParameterStore parameters) {
        this.parameters = parameters;
    }

    public GrowthStages current() {
        return parameters.get(Parameters.TREE_GROWTH_THRESHOLDS).map(GrowthStagesSource::parse).orElse(GrowthStages.DEFAULT);
    }

    static GrowthStages parse(String json) {
        try {
            long[] values = JSON.readValue(json, long[].class);
            List<Long> thresholds = Arrays.stream(values).boxed().toList();
            return new GrowthStages(thresholds);
        } catch (java.io.IOException | IllegalArgumentException e) {
            LOG.warning("tree/growth_thresholds is not five increasing numbers; using the defaults");
            return GrowthStages.DEFAULT;
        }
    }
}
