package dev.saker.fields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FieldRegistryTest {
    private final FieldRegistry registry = FieldRegistry.standard();

    @Test
    void resolvesAWholeFieldName() {
        BoundField f = registry.resolve("proc.name");
        assertThat(f.field().name()).isEqualTo("proc.name");
        assertThat(f.arg()).isNull();
    }

    @Test
    void resolvesAnIndexedAncestorField() {
        BoundField f = registry.resolve("proc.aname[2]");
        assertThat(f.field().name()).isEqualTo("proc.aname");
        assertThat(f.arg()).isEqualTo("2");
    }

    @Test
    void aFieldThatRequiresAnArgumentIsNotResolvedWithout() {
        assertThat(registry.resolve("proc.apid")).isNull();
    }

    @Test
    void unknownNamesAndTrailingTextAreNotFields() {
        assertThat(registry.resolve("proc.nope")).isNull();
        assertThat(registry.resolve("proc.namex")).isNull();
    }

    @Test
    void everyRequiredFieldIsRegistered() {
        for (String name : ("evt.num evt.time evt.datetime evt.rawtime evt.cpu evt.dir evt.type evt.res evt.rawres"
                + " evt.failed evt.is_io thread.tid proc.pid proc.ppid proc.name proc.exe proc.exepath proc.cmdline"
                + " proc.args proc.pname proc.cwd proc.tty proc.loginuid fd.num fd.type fd.typechar fd.name fd.directory"
                + " fd.filename fd.cip fd.sip fd.cport fd.sport fd.lip fd.rip fd.lport fd.rport fd.l4proto fd.sockfamily"
                + " fd.is_server user.uid user.name user.loginuid user.loginname group.gid group.name container.id"
                + " container.name container.image container.image.repository container.image.tag k8s.pod.name"
                + " k8s.ns.name").split(" ")) {
            assertThat(registry.get(name)).as(name).isNotNull();
        }
    }

    @Test
    void addingAnExistingNameIsAnError() {
        Field dup = new Field("proc.name", FieldType.STRING, Field.Argument.NONE, "", (c, a) -> "x");
        assertThatThrownBy(() -> registry.with(dup)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDottedArgumentNamesAFieldBoundToItsSuffix() {
        Field res = registry.get("evt.rawarg.res");
        assertThat(res.name()).isEqualTo("evt.rawarg.res");
        assertThat(res.type()).isEqualTo(FieldType.NUMBER);
        assertThat(registry.get("evt.rawarg.name").type()).isEqualTo(FieldType.STRING);
        assertThat(registry.resolve("evt.rawarg.res").field().name()).isEqualTo("evt.rawarg.res");
    }

    @Test
    void aFormatReferenceTakesTheWholeDottedName() {
        BoundField f = registry.resolvePrefix("%evt.rawarg.flags x", 1);
        assertThat(f.text()).isEqualTo("evt.rawarg.flags");
    }

    @Test
    void onlyArgumentFieldsTakeADottedSuffix() {
        assertThat(registry.get("proc.aname.x")).isNull();
        assertThat(registry.get("evt.rawarg")).isNotNull();
        assertThat(registry.get("evt.rawarg.")).isNull();
    }

    @Test
    void officialRuleFieldsAreRegistered() {
        for (String name : ("evt.is_open_read evt.is_open_write evt.is_open_exec evt.is_open_create fd.connected"
                + " fd.sip.name fd.cip.name fd.lip.name fd.rip.name proc.aexepath proc.aexe proc.sname proc.sid.exe"
                + " proc.sid.exepath proc.is_sid_leader proc.is_vpgid_leader proc.duration thread.cap_effective"
                + " thread.cap_permitted thread.cap_inheritable evt.rawarg.flags").split(" ")) {
            assertThat(registry.get(name)).as(name).isNotNull();
        }
    }
}
