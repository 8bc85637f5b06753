package dev.dl4jmnist.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A property marked {@link NetworkRecipe.Named} says in its JSON which recipe it holds, and reads back as that one. */
class NetworkRecipeJsonTest {
    record Holder(@NetworkRecipe.Named NetworkRecipe recipe) {
    }

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void eachRecipeIsWrittenWithItsNameAndReadBackAsItself() throws Exception {
        for (NetworkRecipe recipe : new NetworkRecipe[]{MlpConfig.defaults(), CnnConfig.defaults()}) {
            String text = json.writeValueAsString(new Holder(recipe));
            assertEquals(recipe.networkName(), json.readTree(text).get("recipe").get("network").asText());
            assertEquals(recipe, json.readValue(text, Holder.class).recipe());
        }
    }

    @Test
    void aRecipeWithoutANameIsTheMlps() throws Exception {
        ObjectNode tree = (ObjectNode) json.readTree(json.writeValueAsString(new Holder(MlpConfig.defaults())));
        ((ObjectNode) tree.get("recipe")).remove("network");
        assertThat(json.treeToValue(tree, Holder.class).recipe()).isEqualTo(MlpConfig.defaults());
    }
}
