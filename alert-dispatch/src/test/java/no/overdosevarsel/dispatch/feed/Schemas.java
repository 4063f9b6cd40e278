package no.overdosevarsel.dispatch.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The published schemas, copied into test resources: RSS 2.0 and CAP 1.2 as XML Schema, Atom (RFC 4287) as RELAX NG
 * compact syntax, checked with Jing.
 */
public final class Schemas {

    private static final Schema RSS = xsd("schemas/rss-2_0.xsd");
    private static final Schema CAP = xsd("schemas/cap12.xsd");

    private Schemas() {}

    public static void assertValidRss(byte[] xml) {
        assertValid(RSS, xml);
    }

    public static void assertValidCap(byte[] xml) {
        assertValid(CAP, xml);
    }

    public static void assertValidAtom(byte[] xml) {
        List<String> errors = new ArrayList<>();
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {}

            @Override
            public void error(SAXParseException e) {
                errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        PropertyMapBuilder properties = new PropertyMapBuilder();
        properties.put(ValidateProperty.ERROR_HANDLER, collect);
        ValidationDriver driver = new ValidationDriver(properties.toPropertyMap(), CompactSchemaReader.getInstance());
        try {
            assertThat(driver.loadSchema(
                            new InputSource(resource("schemas/atom_rfc4287.rnc").toString())))
                    .as("Atom schema loads: %s", errors)
                    .isTrue();
            boolean valid = driver.validate(new InputSource(new ByteArrayInputStream(xml)));
            assertThat(errors).as("Atom validation errors").isEmpty();
            assertThat(valid).isTrue();
        } catch (SAXException | IOException e) {
            throw new AssertionError("Atom validation failed to run", e);
        }
    }

    /** A namespace-aware DOM of the document, as a CAP consumer would read it. */
    public static Document dom(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML", e);
        }
    }

    public static InputSource source(String xml) {
        return new InputSource(new StringReader(xml));
    }

    private static void assertValid(Schema schema, byte[] xml) {
        Validator validator = schema.newValidator();
        List<String> errors = new ArrayList<>();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {}

            @Override
            public void error(SAXParseException e) {
                errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        });
        try {
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXException | IOException e) {
            errors.add(e.getMessage());
        }
        assertThat(errors).as("schema validation errors").isEmpty();
    }

    private static Schema xsd(String path) {
        try {
            return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(resource(path));
        } catch (SAXException e) {
            throw new IllegalStateException("cannot load " + path, e);
        }
    }

    private static URL resource(String path) {
        return Objects.requireNonNull(Schemas.class.getClassLoader().getResource(path), path);
    }
}
