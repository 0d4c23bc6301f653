package dev.consentgate.cookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SetCookieFieldTest {

    @Test
    void nameIsTrimmedTextBeforeFirstEquals() {
        assertEquals("foo", CookiePolicy.setCookieName(" \tfoo \t= bar; Path=/"));
    }

    @Test
    void fieldWithoutEqualsHasEmptyName() {
        assertEquals("", CookiePolicy.setCookieName("foo; Path=/"));
        assertEquals("", CookiePolicy.setCookieName("foo"));
    }

    @Test
    void equalsInAnAttributeDoesNotNameTheCookie() {
        assertEquals("", CookiePolicy.setCookieName("foo;bar=baz"));
    }

    @Test
    void emptyFieldHasEmptyName() {
        assertEquals("", CookiePolicy.setCookieName(""));
        assertEquals("", CookiePolicy.setCookieName(null));
    }

    @Test
    void valueIsTrimmedAndKeepsQuotes() {
        assertEquals("\"zzz \"", SetCookieField.parse("aBc=\"zzz \"   ;").value());
    }

    @Test
    void attributeNamesAndTrimmedValueSpansAreRecorded() {
        SetCookieField field = SetCookieField.parse("a=1;  max-age = 60 ;Path=/x; Secure");
        List<SetCookieField.Attribute> attributes = field.attributes();
        assertEquals(List.of("max-age", "Path", "Secure"),
                attributes.stream().map(SetCookieField.Attribute::name).toList());
        assertTrue(attributes.get(0).is("Max-Age"));
        assertEquals("60", field.valueOf(attributes.get(0)));
        assertFalse(attributes.get(2).hasValue());
    }

    @Test
    void lastDomainWinsWithoutLeadingDotInLowerCase() {
        assertEquals(Optional.of("example.com"),
                SetCookieField.parse("a=1; Domain=other.org; domain=.EXAMPLE.com").domain());
    }

    @Test
    void emptyDomainIsIgnored() {
        assertEquals(Optional.empty(), SetCookieField.parse("a=1; Domain=").domain());
    }

    @Test
    void pathThatDoesNotStartWithSlashIsUnknown() {
        assertEquals(Optional.empty(), SetCookieField.parse("a=1; Path=/x; Path=x").path());
        assertEquals(Optional.of("/x"), SetCookieField.parse("a=1; Path=x; Path=/x").path());
    }

    @Test
    void expiresDateCommaIsNoJoinedCookie() {
        assertTrue(SetCookieField.parse("a=1; Expires=Thu, 01 Jan 2099 00:00:00 GMT; Path=/").joinedNames()
                .isEmpty());
    }

    @Test
    void commaJoinedFieldRevealsEveryJoinedName() {
        SetCookieField field = SetCookieField.parse("a=1; Path=/, b=2; Expires=Thu, 01 Jan 2099 00:00:00 GMT, c=3");
        assertEquals("a", field.name());
        assertEquals(List.of("b", "c"), List.copyOf(field.joinedNames()));
    }

    @Test
    void attributeValueStopsAtJoiningComma() {
        SetCookieField field = SetCookieField.parse("a=1; Max-Age=99 , b=2; Expires=Thu, 01 Jan 2099 00:00:00 GMT, c=3");
        assertEquals("99", field.valueOf(field.attributes().get(0)));
        assertEquals("Thu, 01 Jan 2099 00:00:00 GMT", field.valueOf(field.attributes().get(1)));
    }
}
