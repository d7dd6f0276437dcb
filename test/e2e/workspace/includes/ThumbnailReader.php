<?php

class ThumbnailReader {
	private WANObjectCache $wanCache;

	public function __construct( WANObjectCache $wanCache ) {
		$this->wanCache = $wanCache;
	}

	public function readKey( string $name ) {
		return $this->wanCache->makeGlobalKey( 'thumb-metadata', $name );
	}
}
