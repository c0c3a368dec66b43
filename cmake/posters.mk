# Regenerating posters with plain make: a pattern rule and chronicle's depfiles.
# From a folder with samples/*.json:
#   make -f cmake/posters.mk CHRONICLE=build/bin/chronicle
# Every out/NAME.pdf is rebuilt when samples/NAME.json, the template chain, the fonts
# configuration or a font it used changes, and only then.
CHRONICLE ?= chronicle
CHRONICLE_FLAGS ?=
POSTERS := $(patsubst samples/%.json,out/%.pdf,$(wildcard samples/*.json))

all: $(POSTERS)

out/%.pdf: samples/%.json
	@mkdir -p $(@D)
	$(CHRONICLE) render $< -o $@ --depfile $@.d $(CHRONICLE_FLAGS)

-include $(POSTERS:%=%.d)

.PHONY: all
