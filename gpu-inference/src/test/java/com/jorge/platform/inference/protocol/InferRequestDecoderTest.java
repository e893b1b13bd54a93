package com.jorge.platform.inference.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jorge.platform.inference.tensor.Datatype;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InferRequestDecoderTest {

    private final InferRequestDecoder decoder = new InferRequestDecoder();

    private InferRequest decode(String json) {
        return decoder.decode(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void dataBeforeDatatypeAndNestedArraysAreReadIntoFlatTypedArrays() {
        InferRequest r = decode("{\"inputs\":[{\"data\":[[1,2],[3,4]],\"name\":\"ids\",\"shape\":[2,2],\"datatype\":\"INT64\"},"
                + "{\"name\":\"flags\",\"datatype\":\"BOOL\",\"shape\":[2],\"data\":[true,false]}],\"parameters\":{\"x\":[1,{}]}}");
        assertThat(r.inputs().get(0).datatype()).isEqualTo(Datatype.INT64);
        assertThat((long[]) r.inputs().get(0).data()).containsExactly(1, 2, 3, 4);
        assertThat((boolean[]) r.inputs().get(1).data()).containsExactly(true, false);
        assertThat(r.id()).isNull();
    }

    @Test
    void hostileAndMalformedInputIsRefusedNamingTheProblem() {
        assertThatThrownBy(() -> decode("{\"inputs\":[{\"name\":\"a\",\"shape\":[1],\"datatype\":\"INT32\",\"data\":[3000000000]}]}"))
                .isInstanceOf(InferenceException.BadRequest.class).hasMessageContaining("out of INT32 range");
        assertThatThrownBy(() -> decode("{\"inputs\":[{\"name\":\"a\",\"shape\":[1],\"datatype\":\"INT64\",\"data\":[1.5]}]}"))
                .hasMessageContaining("not an integer");
        assertThatThrownBy(() -> decode("{\"inputs\":[{\"name\":\"a\",\"shape\":[1],\"datatype\":\"FP32\",\"data\":[1]},"
                + "{\"name\":\"a\",\"shape\":[1],\"datatype\":\"FP32\",\"data\":[1]}]}")).hasMessageContaining("more than once");
        assertThatThrownBy(() -> decode("{\"inputs\":[{\"name\":\"a\",\"shape\":[-1],\"datatype\":\"FP32\",\"data\":[1]}]}"))
                .hasMessageContaining("non-negative");
        assertThatThrownBy(() -> decode("{\"inputs\":[{\"name\":\"a\",\"shape\":[100000,100000,100000],\"datatype\":\"FP32\",\"data\":[1]}]}"))
                .hasMessageContaining("more than");
        assertThatThrownBy(() -> decode("{\"inputs\":[{\"name\":\"a\",\"shape\":[1],\"datatype\":\"FP32\",\"data\":"
                + "[".repeat(40) + "1" + "]".repeat(40) + "}]}")).hasMessageContaining("deeper");
        assertThatThrownBy(() -> decode("[1,2]")).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> decode("{\"inputs\":[]} trailing")).isInstanceOf(InferenceException.BadRequest.class);
        assertThatThrownBy(() -> decode("{\"inputs\":[{\"name\":\"a\",\"shape\":[1],\"datatype\":\"FP32\"}]}"))
                .hasMessageContaining("'data' is required");
    }
}
