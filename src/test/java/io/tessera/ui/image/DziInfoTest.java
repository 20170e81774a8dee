package io.tessera.ui.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.core.dzi.DziPyramid;
import io.tessera.core.dzi.TileFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DziInfoTest {

  private static DziInfo parse(String xml) throws IOException {
    return DziInfo.parse(xml.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsTheDescriptorOurTilerWrites() throws IOException {
    DziPyramid pyramid = new DziPyramid(30000, 20000, 254, 1);

    DziInfo info = parse(pyramid.descriptorXml(TileFormat.JPG));

    assertThat(info).isEqualTo(new DziInfo(30000, 20000, 254, 1, "jpg"));
    assertThat(info.pyramid()).isEqualTo(pyramid);
    assertThat(info.maxLevel()).isEqualTo(15);
  }

  @Test
  void readsVipsAndZoomHubLayoutsAndNoNamespace() throws IOException {
    String vips = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Image xmlns="http://schemas.microsoft.com/deepzoom/2008"
          Format="jpeg"
          Overlap="1"
          TileSize="254"
          >
          <Size
            Height="2848"
            Width="4272"
          />
        </Image>
        """;
    assertThat(parse(vips)).isEqualTo(new DziInfo(4272, 2848, 254, 1, "jpeg"));
    assertThat(parse("<Image TileSize='510' Overlap='0' Format='png'><Size Width='7' Height='3'/></Image>"))
        .isEqualTo(new DziInfo(7, 3, 510, 0, "png"));
  }

  @Test
  void refusesWhatIsNoDescriptorWithAReason() {
    assertThatThrownBy(() -> parse("{\"Image\": {}}")).isInstanceOf(IOException.class)
        .hasMessageStartingWith("not a DZI descriptor");
    assertThatThrownBy(() -> parse("<Collection/>")).hasMessageContaining("root element is Collection");
    assertThatThrownBy(() -> parse("<Image TileSize='254' Overlap='1' Format='jpg'/>"))
        .hasMessageContaining("one Size element");
    assertThatThrownBy(() -> parse(
        "<Image TileSize='big' Overlap='1' Format='jpg'><Size Width='7' Height='3'/></Image>"))
        .hasMessageContaining("Image/@TileSize is 'big'");
    assertThatThrownBy(() -> parse(
        "<Image TileSize='254' Overlap='254' Format='jpg'><Size Width='7' Height='3'/></Image>"))
        .hasMessageContaining("overlap");
    assertThatThrownBy(() -> parse(
        "<Image TileSize='254' Overlap='1'><Size Width='7' Height='3'/></Image>"))
        .hasMessageContaining("format");
  }

  @Test
  void readsNoDocumentTypeSoAServerCannotMakeItFetchFiles() {
    String xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE Image [<!ENTITY w SYSTEM "file:///etc/hostname">]>
        <Image TileSize="254" Overlap="1" Format="jpg"><Size Width="&w;" Height="3"/></Image>
        """;

    // the document type is not read, so its entity stays undeclared
    assertThatThrownBy(() -> parse(xxe)).isInstanceOf(IOException.class)
        .hasMessageStartingWith("not a DZI descriptor")
        .hasMessageContaining("\"w\"");
  }
}
