package io.sluice.core.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DsnTest {
    @Test
    void parsesTheUsualForms() {
        assertEquals(new Dsn("mysql", "ann", "db.example.com", 3306, "shop"), Dsn.parse("mysql://ann@db.example.com/shop"));
        assertEquals(new Dsn("mariadb", "ann", "10.0.0.5", 3307, ""), Dsn.parse("mariadb://ann@10.0.0.5:3307"));
        assertEquals(new Dsn("mysql", "", "localhost", 3306, ""), Dsn.parse("localhost"));
        assertEquals(new Dsn("mysql", "u", "::1", 3310, "d"), Dsn.parse("mysql://u@[::1]:3310/d"));
    }

    @Test
    void percentDecodesUserAndDatabase() {
        Dsn d = Dsn.parse("mysql://an%40n@h/my%20db");
        assertEquals("an@n", d.user());
        assertEquals("my db", d.database());
        assertEquals("mysql://an%40n@h:3306/my%20db", d.redacted());
    }

    @Test
    void aPasswordInTheTextIsLiftedOutAndNeverShown() {
        String text = "mysql://ann:s%3Ae%40cret@h:3306/db";
        Dsn d = Dsn.parse(text);
        assertFalse(d.redacted().contains("cret"));
        assertFalse(d.toString().contains("cret"));
        assertEquals("s:e@cret", new String(Dsn.embeddedPassword(text).orElseThrow().reveal()));
        assertTrue(Dsn.embeddedPassword("mysql://ann@h/db").isEmpty());
    }

    @Test
    void rejectsNonsenseWithASentence() {
        assertThrows(IllegalArgumentException.class, () -> Dsn.parse("mysql://u@h:99999/db"));
        assertThrows(IllegalArgumentException.class, () -> Dsn.parse("postgres://u@h/db"));
        assertThrows(IllegalArgumentException.class, () -> Dsn.parse(""));
    }

    @Test
    void optionsInTheDsnAreRefusedByNameWithoutTheirValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dsn.parse("mysql://u@h/db?sslMode=DISABLED&password=hunter2"));
        assertEquals("Sluice does not read options in the DSN (sslMode, password): remove them; TLS and the connect timeout"
                + " have settings of their own.", e.getMessage());
        assertEquals("db", Dsn.parse("mysql://u@h/db?").database(), "a bare ? asks for nothing");
        assertEquals("Sluice does not read options in the DSN: remove them; TLS and the connect timeout have settings of"
                + " their own.", assertThrows(IllegalArgumentException.class, () -> Dsn.parse("mysql://u@h/db?x=1&p=a&b c")).getMessage(),
                "a value's tail after an & is not shown as a name");
        assertEquals("shop", Dsn.parse("mysql://u:pa?ss@h/shop").database(), "a ? in the password is the password's");
        assertEquals("pa?ss", new String(Dsn.embeddedPassword("mysql://u:pa?ss@h/shop").orElseThrow().reveal()));
        assertEquals("hunter2", new String(Dsn.embeddedPassword("mysql://u:hunter2@h/db?sslMode=x").orElseThrow().reveal()),
                "the password is still lifted out of a DSN with options, so the window can mask it");
    }

    @Test
    void specAndSecretNeverPrintThePassword() {
        ConnectionSpec spec = ConnectionSpec.builder(Dsn.parse("mysql://u@h/db")).password(Secret.of("hunter2".toCharArray())).build();
        assertFalse(spec.toString().contains("hunter2"));
        assertEquals("******", spec.password().toString());
    }
}
